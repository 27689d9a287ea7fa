package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.config.NumberText;
import java.math.BigDecimal;

/**
 * Reads what a clerk typed into a value field (or an Excel form's text cell). Full-width digits,
 * thousands separators ({@link NumberText}'s rule: groups of three only) and a trailing % are
 * accepted as people write them; anything else that is not a number of the
 * indicator's kind is refused with a message key, and the caller shows the typed text back.
 */
public final class ValueInput {

    static final int MAX_TEXT = 40;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_VALUE = new BigDecimal("9999999999999999");

    /** The outcome: a value (null for a blank field) or the message key of what is wrong. */
    public record Parsed(BigDecimal value, String error) {

        public boolean isValid() {
            return error == null;
        }
    }

    private ValueInput() {}

    public static Parsed parse(IndicatorKind kind, String typed) {
        if (typed == null || typed.isBlank()) {
            return new Parsed(null, null);
        }
        if (typed.length() > MAX_TEXT) {
            return new Parsed(null, "value.tooLong");
        }
        // full-width digits, signs, commas and ％ are read as their ASCII forms
        String text = NumberText.normalize(typed);
        if (kind == IndicatorKind.RATE && text.endsWith("%")) {
            text = text.substring(0, text.length() - 1);
        }
        NumberText.Parsed number = NumberText.parse(text);
        if (!number.isNumber()) {
            return new Parsed(
                    null,
                    number.problem() == NumberText.Problem.MISPLACED_COMMA
                            ? "value.misplacedComma"
                            : "value.notANumber");
        }
        BigDecimal value = number.value();
        if (value.signum() < 0) {
            return new Parsed(null, "value.negative");
        }
        if (value.compareTo(MAX_VALUE) > 0) {
            return new Parsed(null, "value.tooLarge");
        }
        if (value.stripTrailingZeros().scale() > 4) {
            return new Parsed(null, "value.tooManyDecimals");
        }
        return switch (kind) {
            case COUNT ->
                value.stripTrailingZeros().scale() > 0
                        ? new Parsed(null, "value.countNotWhole")
                        : new Parsed(value.setScale(0), null);
            case RATE -> value.compareTo(HUNDRED) > 0 ? new Parsed(null, "value.rateOver100") : new Parsed(value, null);
            case AMOUNT -> new Parsed(value, null);
        };
    }
}
