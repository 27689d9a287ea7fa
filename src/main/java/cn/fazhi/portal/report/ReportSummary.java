package cn.fazhi.portal.report;

import java.time.Instant;
import java.time.LocalDate;

/** A line of a county's list of reports. */
public record ReportSummary(int year, ReportStatus status, LocalDate submissionDeadline, Instant submittedAt,
        Instant approvedAt, int filledIndicators, int customFigures) {
}
