package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.Severity;
import java.util.List;

/**
 * A problem the validation found in a report: attached to one indicator (the field it links to),
 * an ERROR blocks submission, a WARNING needs an explanation on that indicator's value.
 *
 * @param messageKey the message, with {@code args}; or null when {@code text} is the rule's own message
 * @param text the catalogue rule's message in the viewer's language, for catalogue rules
 * @param explained for a WARNING: whether the value carries an explanation
 */
public record Finding(
        String indicatorCode,
        String sectionCode,
        Severity severity,
        String messageKey,
        List<Object> args,
        String text,
        boolean explained) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public boolean blocksSubmission() {
        return isError() || !explained;
    }
}
