package cn.fazhi.portal.report.internal;

import java.util.Map;

/**
 * One custom figure in the report form, or the blank row for a new one, with what was typed and
 * the message keys of what is wrong, by part (name, unit, value, note).
 *
 * @param id the figure's id, or null for the blank row
 */
public record CustomRow(
        Long id, String name, String unit, String value, String note, boolean remove, Map<String, String> errors) {

    static final String NEW = "new";

    public boolean isNew() {
        return id == null;
    }

    /** The row's key in the page's ids: the figure's id, or "new". */
    public String key() {
        return id == null ? NEW : id.toString();
    }

    /** The page's id of one part's field: cf_12_value, cf_new_name. */
    public String field(String part) {
        return "cf_" + key() + "_" + part;
    }

    /** The name one part's field is posted under ({@link SectionForm}): figures[12].value, added.name. */
    public String inputName(String part) {
        return SectionForm.figureField(id, part);
    }

    public String error(String part) {
        return errors.get(part);
    }
}
