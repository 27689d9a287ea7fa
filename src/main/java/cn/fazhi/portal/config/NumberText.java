package cn.fazhi.portal.config;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Reads a number as people in China write it (数字文本): full-width digits and signs, spaces, and
 * commas as thousands separators. The one rule for every place a number arrives as text — the
 * report form, the cells of an uploaded Excel form, figures read out of report texts — so that
 * "1,5" never becomes 15 in one of them.
 *
 * <p>A comma (half- or full-width, "，" is the same key on a Chinese keyboard) is accepted only
 * between groups of three digits of the integer part: "2,664" and "1,234,567.5" are numbers,
 * "1,5", "2,75" and "12,34,567" are refused, since a European decimal comma or a typo cannot be
 * told apart from a thousands separator there.
 */
public final class NumberText {

    /** What {@link #parse} found: a number, or why the text is not one. */
    public record Parsed(BigDecimal value, Problem problem) {

        public boolean isNumber() {
            return problem == null;
        }
    }

    public enum Problem {
        /** Not a number at all: letters, units, two decimal points. */
        NOT_A_NUMBER,
        /** A number but for a comma that does not separate thousands, e.g. "1,5". */
        MISPLACED_COMMA
    }

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?([eE][+-]?\\d+)?");

    private NumberText() {}

    /**
     * The text as the parser sees it: full-width forms as ASCII (NFKC), spaces removed, trimmed.
     * Callers that accept a suffix (a trailing % for rates) look for it here.
     */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(" ", "");
    }

    /** The number the text stands for; the text is {@linkplain #normalize normalized} first. */
    public static Parsed parse(String text) {
        String plain = normalize(text);
        if (plain.indexOf(',') >= 0) {
            boolean number = isNumber(plain.replace(",", ""));
            if (!GROUPED.matcher(plain).matches()) {
                return new Parsed(null, number ? Problem.MISPLACED_COMMA : Problem.NOT_A_NUMBER);
            }
            plain = plain.replace(",", "");
        }
        try {
            return new Parsed(new BigDecimal(plain), null);
        } catch (NumberFormatException e) {
            return new Parsed(null, Problem.NOT_A_NUMBER);
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
