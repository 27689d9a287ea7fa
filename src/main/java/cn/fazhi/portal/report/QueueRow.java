package cn.fazhi.portal.report;

import cn.fazhi.portal.region.RegionView;
import java.time.Instant;
import java.time.LocalDate;

/** A line of the review queue; late when submitted after the deadline, or not yet and the deadline passed. */
public record QueueRow(RegionView county, int year, ReportStatus status, Instant submittedAt, LocalDate deadline,
        boolean late) {
}
