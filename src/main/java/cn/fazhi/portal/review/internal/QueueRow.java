package cn.fazhi.portal.review.internal;

import cn.fazhi.portal.report.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;

/** A line of the review queue; late when submitted after the deadline, or not yet and the deadline passed. */
public record QueueRow(
        String countyCode,
        String countyName,
        int year,
        ReportStatus status,
        Instant submittedAt,
        LocalDate deadline,
        boolean late) {}
