package cn.fazhi.portal.report;

import java.time.Instant;
import java.time.LocalDate;

/** A report as a list shows it: whose, which year, where it stands, when it was submitted and due. */
public record ReportListing(
        String countyCode, int year, ReportStatus status, Instant submittedAt, LocalDate submissionDeadline) {}
