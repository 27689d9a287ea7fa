package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.ConflictException;
import cn.fazhi.portal.report.ReportStatus;

/** An action the report's status does not allow, such as editing an approved report. */
public class IllegalReportTransitionException extends ConflictException {

    public IllegalReportTransitionException(String action, ReportStatus status) {
        super("cannot " + action + " a report in status " + status);
    }
}
