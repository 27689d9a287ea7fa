package cn.fazhi.portal.catalog;

import java.math.BigDecimal;

/** 目标值: e.g. ≥ 100 for a review rate. */
public record Target(Comparison operator, BigDecimal value) {

    public boolean isMetBy(BigDecimal actual) {
        return actual != null && operator.holds(actual, value);
    }

    /** "≥ 100", without trailing zeros. */
    public String display() {
        return operator.display() + " " + value.stripTrailingZeros().toPlainString();
    }
}
