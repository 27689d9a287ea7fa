package cn.fazhi.portal.report;

import java.util.Map;

/**
 * One custom figure in the report form, or the blank row for a new one, with what was typed and
 * the message keys of what is wrong, by part (name, unit, value, note).
 *
 * @param key the figure's id, or "new" for the blank row; the form's field names are built on it
 */
public record CustomRow(
        String key,
        Long id,
        String name,
        String unit,
        String value,
        String note,
        boolean remove,
        Map<String, String> errors) {

    static final String NEW = "new";
    static final String REMOVE = "remove";

    public boolean isNew() {
        return id == null;
    }

    /** The form field of one part: cf_12_value, cf_new_name. */
    public String field(String part) {
        return field(key, part);
    }

    public String error(String part) {
        return errors.get(part);
    }

    static String field(String key, String part) {
        return "cf_" + key + "_" + part;
    }
}
