package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.IndicatorDef;
import java.util.List;

/**
 * One indicator on the report form.
 *
 * <p>The methods below give the row's attributes as the template writes them, each in one read:
 * every expression of a row costs a pass through Thymeleaf's expression checks, and the form has
 * a dozen and more rows.
 *
 * @param input the text in the field: what was typed (also when it was refused) or the stored value
 * @param computedDisplay for a computed rate whose parts are both entered, the rate they give
 * @param valueError message key of why the typed value was refused, or null
 */
public record EntryRow(
        IndicatorDef indicator,
        String input,
        String explanation,
        String lastYear,
        boolean typedRate,
        String computedDisplay,
        boolean notApplicable,
        String valueError,
        String explanationError,
        List<Finding> findings) {

    public boolean needsExplanation() {
        return findings.stream().anyMatch(f -> !f.isError());
    }

    public String code() {
        return indicator.code();
    }

    /** The row's class: marked when its value was refused or validation says something of it. */
    public String rowClass() {
        return valueError != null || !findings.isEmpty() ? "has-finding" : null;
    }

    public String inputClass() {
        return valueError != null ? "form-control text-end is-invalid" : "form-control text-end";
    }

    /** The value field's description: the definition, then the refusal and the findings when there are. */
    public String inputDescribedBy() {
        String code = indicator.code();
        return "help-" + code + (valueError != null ? " err-" + code : "")
                + (findings.isEmpty() ? "" : " find-" + code);
    }

    /** For a computed rate, the field of its numerator (the page computes the rate as it is typed). */
    public String numeratorField() {
        return indicator.isComputed() ? "v_" + indicator.numeratorCode() : null;
    }

    public String denominatorField() {
        return indicator.isComputed() ? "v_" + indicator.denominatorCode() : null;
    }

    /** The explanation field is marked when it was refused or a warning waits for it. */
    public String explanationClass() {
        return explanationError != null || (needsExplanation() && (explanation == null || explanation.isEmpty()))
                ? "form-control form-control-sm is-invalid"
                : "form-control form-control-sm";
    }

    public String placeholderKey() {
        return needsExplanation() ? "report.explanationNeeded" : "report.explanationOptional";
    }
}
