package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.catalog.Comparison;
import cn.fazhi.portal.catalog.Target;
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
public class IndicatorTarget {

    @EmbeddedId
    private Key key;

    private Comparison operator;

    private BigDecimal value;

    public IndicatorTarget(String indicatorCode, int year, Comparison operator, BigDecimal value) {
        this.key = new Key(indicatorCode, year);
        this.operator = operator;
        this.value = value;
    }

    void set(Comparison operator, BigDecimal value) {
        this.operator = operator;
        this.value = value;
    }

    public Target toTarget() {
        return new Target(operator, value);
    }

    @Embeddable
    public record Key(String indicatorCode, int year) implements Serializable {}
}
