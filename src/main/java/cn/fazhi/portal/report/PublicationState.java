package cn.fazhi.portal.report;

import java.time.LocalDate;

/**
 * 公开状态: where a county stands with the duty to publish its report of a year (by 1 April of the
 * next year in China, or the date an administrator set). Published on time when the recorded date
 * is on or before the deadline; late after it. Without a record the county has not published:
 * plainly so until the deadline passes, overdue from the day after.
 */
public enum PublicationState {
    UNPUBLISHED,
    OVERDUE,
    ON_TIME,
    LATE;

    /**
     * @param publishedOn the recorded publication date, null without a record
     * @param today today in China
     */
    public static PublicationState of(LocalDate publishedOn, LocalDate deadline, LocalDate today) {
        if (publishedOn != null) {
            return publishedOn.isAfter(deadline) ? LATE : ON_TIME;
        }
        return today.isAfter(deadline) ? OVERDUE : UNPUBLISHED;
    }

    public boolean isPublished() {
        return this == ON_TIME || this == LATE;
    }
}
