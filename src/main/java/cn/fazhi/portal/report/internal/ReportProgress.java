package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.report.ReportStatus;
import java.time.LocalDate;

/**
 * Where a report stands: what the clerk's home page and the form's header show.
 *
 * @param daysLeft days until the deadline (negative when late), counted in China's days
 */
public record ReportProgress(
        int year,
        ReportStatus status,
        int version,
        LocalDate deadline,
        long daysLeft,
        long filled,
        long total,
        long errors,
        long unexplainedWarnings,
        boolean narrativeComplete,
        String reviewComment) {

    public boolean isLate() {
        return daysLeft < 0 && (status == ReportStatus.DRAFT || status == ReportStatus.RETURNED);
    }

    public boolean canSubmit() {
        return (status == ReportStatus.DRAFT || status == ReportStatus.RETURNED)
                && errors == 0
                && unexplainedWarnings == 0
                && narrativeComplete;
    }
}
