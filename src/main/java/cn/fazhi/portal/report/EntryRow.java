package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.IndicatorDef;
import java.util.List;

/**
 * One indicator on the report form.
 *
 * @param input the text in the field: what was typed (also when it was refused) or the stored value
 * @param computedDisplay for a computed rate whose parts are both entered, the rate they give
 * @param valueError message key of why the typed value was refused, or null
 */
public record EntryRow(IndicatorDef indicator, String input, String explanation, String lastYear,
        boolean typedRate, String computedDisplay, boolean notApplicable, String valueError, String explanationError,
        List<Finding> findings) {

    public boolean needsExplanation() {
        return findings.stream().anyMatch(f -> !f.isError());
    }
}
