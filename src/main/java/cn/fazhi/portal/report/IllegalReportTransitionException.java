package cn.fazhi.portal.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An action the report's status does not allow, such as editing an approved report. */
@ResponseStatus(HttpStatus.CONFLICT)
public class IllegalReportTransitionException extends RuntimeException {

    public IllegalReportTransitionException(String action, ReportStatus status) {
        super("cannot " + action + " a report in status " + status);
    }
}
