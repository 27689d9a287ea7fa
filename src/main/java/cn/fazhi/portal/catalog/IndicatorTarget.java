package cn.fazhi.portal.catalog;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 年度目标值: an indicator's target for one year, replacing the catalogue's default. */
@Entity
@Table(name = "indicator_target")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class IndicatorTarget {

    @EmbeddedId
    private Key key;

    private Comparison operator;

    private BigDecimal value;

    IndicatorTarget(String indicatorCode, int year, Comparison operator, BigDecimal value) {
        this.key = new Key(indicatorCode, year);
        this.operator = operator;
        this.value = value;
    }

    void set(Comparison operator, BigDecimal value) {
        this.operator = operator;
        this.value = value;
    }

    Target toTarget() {
        return new Target(operator, value);
    }

    @Embeddable
    record Key(String indicatorCode, int year) implements Serializable {}
}
