package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.catalog.Comparison;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.catalog.Target;
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
public class Indicator {

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

    private boolean perCapita;

    Indicator(IndicatorDef def, int position) {
        this.code = def.code();
        this.sectionCode = def.sectionCode();
        this.position = position;
        this.nameZh = def.nameZh();
        this.nameEn = def.nameEn();
        this.unit = def.unit();
        this.kind = def.kind();
        this.direction = def.direction();
        this.numeratorCode = def.numeratorCode();
        this.denominatorCode = def.denominatorCode();
        if (def.target() != null) {
            this.defaultTargetOp = def.target().operator();
            this.defaultTargetValue = def.target().value();
        }
        this.definitionZh = def.definitionZh();
        this.definitionEn = def.definitionEn();
        this.firstYear = def.firstYear();
        this.lastYear = def.lastYear();
        this.perCapita = def.perCapita();
    }

    /** Names and definitions only: what a value means never changes under the reports that carry it. */
    void editTexts(String nameZh, String nameEn, String definitionZh, String definitionEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.definitionZh = definitionZh;
        this.definitionEn = definitionEn;
    }

    /** Whether the dashboards compare it per 10,000 residents; the service checks that it fits the kind. */
    void comparePerCapita(boolean perCapita) {
        this.perCapita = perCapita;
    }

    /** Leaves the catalogue from {@code year} on; the reports of earlier years keep it. */
    void retireFrom(int year) {
        if (year <= firstYear) {
            throw new IllegalArgumentException("an indicator is retired from a year after its first one");
        }
        this.lastYear = year - 1;
    }

    void restore() {
        this.lastYear = null;
    }

    public IndicatorDef toDef() {
        return toDef(defaultTarget());
    }

    public IndicatorDef toDef(Target target) {
        return new IndicatorDef(
                code,
                sectionCode,
                position,
                nameZh,
                nameEn,
                unit,
                kind,
                direction,
                numeratorCode,
                denominatorCode,
                target,
                definitionZh,
                definitionEn,
                firstYear,
                lastYear,
                perCapita);
    }

    boolean isValidIn(int year) {
        return firstYear <= year && (lastYear == null || lastYear >= year);
    }

    public Target defaultTarget() {
        return defaultTargetOp == null ? null : new Target(defaultTargetOp, defaultTargetValue);
    }
}
