package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.IndicatorKind;
import java.math.BigDecimal;
import java.text.Normalizer;

/**
 * Reads what a clerk typed into a value field. Full-width digits, thousands separators and a
 * trailing % are accepted as people write them; anything else that is not a number of the
 * indicator's kind is refused with a message key, and the caller shows the typed text back.
 */
final class ValueInput {

    static final int MAX_TEXT = 40;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_VALUE = new BigDecimal("9999999999999999");

    /** The outcome: a value (null for a blank field) or the message key of what is wrong. */
    record Parsed(BigDecimal value, String error) {

        boolean isValid() {
            return error == null;
        }
    }

    private ValueInput() {
    }

    static Parsed parse(IndicatorKind kind, String typed) {
        if (typed == null || typed.isBlank()) {
            return new Parsed(null, null);
        }
        if (typed.length() > MAX_TEXT) {
            return new Parsed(null, "value.tooLong");
        }
        // NFKC turns full-width digits, signs and the full-width comma into their ASCII forms
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).trim().replace(",", "").replace(" ", "");
        if (kind == IndicatorKind.RATE && text.endsWith("%")) {
            text = text.substring(0, text.length() - 1);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return new Parsed(null, "value.notANumber");
        }
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
            case COUNT -> value.stripTrailingZeros().scale() > 0
                    ? new Parsed(null, "value.countNotWhole") : new Parsed(value.setScale(0), null);
            case RATE -> value.compareTo(HUNDRED) > 0 ? new Parsed(null, "value.rateOver100") : new Parsed(value, null);
            case AMOUNT -> new Parsed(value, null);
        };
    }
}
