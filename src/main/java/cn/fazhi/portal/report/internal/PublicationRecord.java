package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.report.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A report's publication as recorded, read without its values.
 *
 * @param date null when nothing is recorded (an approved report not yet published)
 * @param url the county website's address; null when published on this portal or not recorded
 */
public record PublicationRecord(
        String countyCode, int year, ReportStatus status, LocalDate date, String url, Instant recordedAt) {

    public boolean onPortal() {
        return date != null && url == null;
    }
}
