package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.region.RegionView;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A finding as lists, the home page and exports show it, with its standing on the day asked.
 *
 * @param overdue past its deadline and not accepted (computed from today's date in China)
 * @param daysLeft days to the deadline: 0 on the day, negative once passed
 * @param awaitingReview the county replied and no reviewer has accepted or sent back that reply
 */
public record FindingRow(
        long id,
        long inspectionId,
        RegionView county,
        InspectionKind kind,
        int year,
        String inspectingBody,
        String description,
        FindingSeverity severity,
        String sectionCode,
        String sectionName,
        String indicatorCode,
        String indicatorName,
        LocalDate deadline,
        FindingStatus status,
        boolean overdue,
        long daysLeft,
        boolean awaitingReview,
        Instant repliedAt,
        LocalDate rectifiedOn,
        Instant acceptedAt) {}
