package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.report.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of a county's list of reports.
 *
 * @param correcting whether a correction of the published version is under way (更正中)
 * @param latestVersion the number of the published version, null before the first approval
 */
public record ReportSummary(
        int year,
        ReportStatus status,
        LocalDate submissionDeadline,
        Instant submittedAt,
        Instant approvedAt,
        int filledIndicators,
        int customFigures,
        boolean correcting,
        Integer latestVersion) {}
