package cn.fazhi.portal.catalog;

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

    private String sectionCode;

    private int position;

    private String nameZh;

    private String nameEn;

    private String unit;

    @Enumerated(EnumType.STRING)
    private IndicatorKind kind;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    private String numeratorCode;

    private String denominatorCode;

    private Comparison defaultTargetOp;

    private BigDecimal defaultTargetValue;

    private String definitionZh;

    private String definitionEn;

    private int firstYear;

    private Integer lastYear;

    IndicatorDef toDef(Target target) {
        return new IndicatorDef(code, sectionCode, position, nameZh, nameEn, unit, kind, direction,
                numeratorCode, denominatorCode, target, definitionZh, definitionEn, firstYear, lastYear);
    }

    Target defaultTarget() {
        return defaultTargetOp == null ? null : new Target(defaultTargetOp, defaultTargetValue);
    }
}
