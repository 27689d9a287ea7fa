package cn.fazhi.portal.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * 指标: a figure every county reports. Valid from {@code firstYear} to {@code lastYear} so that a
 * change of the catalogue never rewrites old reports.
 */
@Entity
@Table(name = "indicator")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Indicator {

    @Id
    private String code;

    @Column(name = "section_code")
    private String sectionCode;

    private int position;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    private String unit;

    @Enumerated(EnumType.STRING)
    private IndicatorKind kind;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    @Column(name = "numerator_code")
    private String numeratorCode;

    @Column(name = "denominator_code")
    private String denominatorCode;

    @Column(name = "default_target_op")
    private Comparison defaultTargetOp;

    @Column(name = "default_target_value")
    private BigDecimal defaultTargetValue;

    @Column(name = "definition_zh")
    private String definitionZh;

    @Column(name = "definition_en")
    private String definitionEn;

    @Column(name = "first_year")
    private int firstYear;

    @Column(name = "last_year")
    private Integer lastYear;

    IndicatorDef toDef(Target target) {
        return new IndicatorDef(code, sectionCode, position, nameZh, nameEn, unit, kind, direction,
                numeratorCode, denominatorCode, target, definitionZh, definitionEn, firstYear, lastYear);
    }

    Target defaultTarget() {
        return defaultTargetOp == null ? null : new Target(defaultTargetOp, defaultTargetValue);
    }
}
