package cn.fazhi.portal.catalog;

import java.math.BigDecimal;
import java.util.Arrays;

/** The operator of a target or a validation rule, stored as its symbol. */
public enum Comparison {
    AT_LEAST(">="),
    AT_MOST("<="),
    MORE_THAN(">"),
    LESS_THAN("<"),
    EQUAL("=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The symbol as people write it: ≥, ≤, &gt;, &lt;, =. */
    public String display() {
        return switch (this) {
            case AT_LEAST -> "≥";
            case AT_MOST -> "≤";
            default -> symbol;
        };
    }

    public boolean holds(BigDecimal left, BigDecimal right) {
        int c = left.compareTo(right);
        return switch (this) {
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            case MORE_THAN -> c > 0;
            case LESS_THAN -> c < 0;
            case EQUAL -> c == 0;
        };
    }

    public static Comparison ofSymbol(String symbol) {
        return Arrays.stream(values())
                .filter(c -> c.symbol.equals(symbol))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown operator " + symbol));
    }
}
