package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.IndicatorKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what a clerk typed for one custom figure (in the form, or in a row of the Excel form's
 * third sheet): a name, a unit, a value (a number ≥ 0, as an amount), an optional note. Problems
 * come back as message keys by part, so that each is shown beside its own field.
 */
public final class CustomFigureInput {

    public static final String NAME = "name";
    public static final String UNIT = "unit";
    public static final String VALUE = "value";
    public static final String NOTE = "note";

    /** The content when well-formed, otherwise the message keys by part (name, unit, value, note). */
    public record Parsed(CustomFigure.Content content, Map<String, String> errors) {

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    private CustomFigureInput() {}

    public static boolean isBlank(String name, String unit, String value, String note) {
        return blank(name) && blank(unit) && blank(value) && blank(note);
    }

    public static Parsed parse(String name, String unit, String value, String note) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(name)) {
            errors.put(NAME, "custom.nameRequired");
        } else if (name.strip().length() > CustomFigure.MAX_NAME) {
            errors.put(NAME, "custom.nameTooLong");
        }
        if (blank(unit)) {
            errors.put(UNIT, "custom.unitRequired");
        } else if (unit.strip().length() > CustomFigure.MAX_UNIT) {
            errors.put(UNIT, "custom.unitTooLong");
        }
        ValueInput.Parsed parsed = ValueInput.parse(IndicatorKind.AMOUNT, value);
        if (!parsed.isValid()) {
            errors.put(VALUE, parsed.error());
        } else if (parsed.value() == null) {
            errors.put(VALUE, "custom.valueRequired");
        }
        if (note != null && note.length() > CustomFigure.MAX_NOTE) {
            errors.put(NOTE, "explanation.tooLong");
        }
        return errors.isEmpty()
                ? new Parsed(CustomFigure.Content.of(name, unit, parsed.value(), note), Map.of())
                : new Parsed(null, errors);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
