package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The life of a report: the clerk submits, a reviewer in scope returns it with a comment or
 * approves it, and a reviewer or an administrator may reopen an approved one with a reason.
 * The aggregate refuses illegal moves; this service adds who may ask.
 */
@Service
@Transactional
public class ReportWorkflow {

    private final AnnualReportRepository reports;
    private final ReportAccess access;
    private final ReportEntryService entries;
    private final RegionService regions;
    private final AuditService audit;
    private final ReportingCalendar calendar;
    private final Clock clock;
    private final cn.fazhi.portal.catalog.CatalogService catalogs;

    ReportWorkflow(AnnualReportRepository reports, ReportAccess access, ReportEntryService entries,
            RegionService regions, AuditService audit, ReportingCalendar calendar, Clock clock,
            cn.fazhi.portal.catalog.CatalogService catalogs) {
        this.catalogs = catalogs;
        this.reports = reports;
        this.access = access;
        this.entries = entries;
        this.regions = regions;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Submits the report for review.
     *
     * @return the message keys of what blocks submission (errors, unexplained warnings, missing
     *     narrative); empty when it was submitted
     */
    public List<String> submit(String countyCode, int year, int version, Viewer viewer, Locale locale) {
        access.requireClerkOf(countyCode, viewer);
        AnnualReport report = find(countyCode, year);
        if (report.getVersion() != version) {
            throw new ReportConflictException(report.getVersion());
        }
        List<Finding> findings = entries.findings(report, locale);
        List<String> blocking = new ArrayList<>();
        if (findings.stream().anyMatch(Finding::isError)) {
            blocking.add("submit.hasErrors");
        }
        if (findings.stream().anyMatch(f -> !f.isError() && !f.explained())) {
            blocking.add("submit.unexplainedWarnings");
        }
        if (!report.hasNarrative()) {
            blocking.add("submit.narrativeMissing");
        }
        if (blocking.isEmpty()) {
            ReportStatus before = report.getStatus();
            report.submit(viewer.accountId(), clock.instant());
            audit.record("REPORT_SUBMITTED", "AnnualReport", report.getId(), Map.of("status", before),
                    Map.of("status", report.getStatus()));
        }
        return blocking;
    }

    /** The longest comment or reason a decision keeps (the database's check says the same). */
    static final int MAX_REVIEW_TEXT = 5000;

    /**
     * Returns the report to the county with the reviewer's comment.
     *
     * @param version the version of the report the reviewer decided on
     * @throws ReportConflictException when the report changed since (returned, edited, resubmitted)
     */
    public void returnForRevision(String countyCode, int year, int version, String comment, Viewer viewer) {
        access.requireReviewerOf(countyCode, viewer);
        AnnualReport report = find(countyCode, year, version);
        if (!StringUtils.hasText(comment)) {
            throw new ReviewInputException("review.commentRequired");
        }
        if (comment.strip().length() > MAX_REVIEW_TEXT) {
            throw new ReviewInputException("review.commentTooLong");
        }
        report.returnForRevision(viewer.accountId(), clock.instant(), comment.strip());
        audit.record("REPORT_RETURNED", "AnnualReport", report.getId(), Map.of("status", ReportStatus.SUBMITTED),
                Map.of("status", report.getStatus(), "comment", report.getReviewComment()));
    }

    /**
     * Approves the report as the reviewer saw it, which makes it public.
     *
     * @param version the version of the report the reviewer decided on
     * @throws ReportConflictException when the report changed since: approving it would approve
     *     content the reviewer never saw
     */
    public void approve(String countyCode, int year, int version, Viewer viewer) {
        approve(countyCode, year, version, null, viewer);
    }

    /**
     * Approves the report and publishes it as its next version; a correction may carry a note for
     * the public (why it was corrected), which is all the public learns of the correction.
     *
     * @param publicNote the note, or null or blank for none
     */
    public void approve(String countyCode, int year, int version, String publicNote, Viewer viewer) {
        access.requireReviewerOf(countyCode, viewer);
        AnnualReport report = find(countyCode, year, version);
        String note = StringUtils.hasText(publicNote) ? publicNote.strip() : null;
        if (note != null && report.getPublishedVersion() == null) {
            throw new ReviewInputException("review.publicNoteOnlyForCorrection");
        }
        if (note != null && note.length() > MAX_PUBLIC_NOTE) {
            throw new ReviewInputException("review.publicNoteTooLong");
        }
        ReportVersion published = report.approve(viewer.accountId(), clock.instant(), calendar.today(),
                catalogs.forYear(year), note);
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("status", report.getStatus());
        after.put("version", published.getNumber());
        if (note != null) {
            after.put("publicNote", note);
        }
        audit.record("REPORT_APPROVED", "AnnualReport", report.getId(), Map.of("status", ReportStatus.SUBMITTED), after);
    }

    /** The longest public note of a correction (the database's check says the same). */
    static final int MAX_PUBLIC_NOTE = 2000;

    /**
     * Opens an approved report again for correction, with the reason.
     *
     * @param version the version of the report the decision was made on
     */
    public void reopen(String countyCode, int year, int version, String reason, Viewer viewer) {
        access.requireReopenerOf(countyCode, viewer);
        AnnualReport report = find(countyCode, year, version);
        if (!StringUtils.hasText(reason)) {
            throw new ReviewInputException("review.reasonRequired");
        }
        if (reason.strip().length() > MAX_REVIEW_TEXT) {
            throw new ReviewInputException("review.reasonTooLong");
        }
        report.reopen(viewer.accountId(), clock.instant(), reason.strip());
        audit.record("REPORT_REOPENED", "AnnualReport", report.getId(), Map.of("status", ReportStatus.APPROVED),
                Map.of("status", report.getStatus(), "reason", report.getReviewComment()));
    }

    /**
     * The review queue of a reviewer: reports of counties in scope, submitted ones first and the
     * oldest submission first, then the others by county.
     */
    @Transactional(readOnly = true)
    public List<QueueRow> queue(Integer year, ReportStatus status, String prefecture, Viewer viewer) {
        if (!viewer.is(Role.REVIEWER) && !viewer.is(Role.ADMIN)) {
            throw new AccessDeniedException("the review queue is for reviewers");
        }
        Set<ReportStatus> statuses = status == null ? EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.RETURNED,
                ReportStatus.APPROVED, ReportStatus.DRAFT) : EnumSet.of(status);
        List<AnnualReport> found = year == null ? reports.findByStatusIn(statuses)
                : reports.findByYearAndStatusIn(year, statuses);
        Map<String, RegionView> counties = regions.findAll(found.stream().map(AnnualReport::getCountyCode).toList());
        LocalDate today = calendar.today();
        return found.stream()
                .filter(r -> viewer.canSeeUnpublishedOf(counties.get(r.getCountyCode())))
                .filter(r -> prefecture == null || prefecture.isBlank()
                        || counties.get(r.getCountyCode()).isWithin(prefecture.trim()))
                .map(r -> new QueueRow(counties.get(r.getCountyCode()), r.getYear(), r.getStatus(),
                        r.getSubmittedAt(), r.getSubmissionDeadline(), isLate(r, today)))
                .sorted(Comparator.comparing((QueueRow q) -> q.status() != ReportStatus.SUBMITTED)
                        .thenComparing(QueueRow::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(q -> q.county().code()))
                .toList();
    }

    private static boolean isLate(AnnualReport report, LocalDate today) {
        LocalDate deadline = report.getSubmissionDeadline();
        if (report.getSubmittedAt() != null) {
            return report.getSubmittedAt().atZone(cn.fazhi.portal.config.TimeConfiguration.CHINA).toLocalDate()
                    .isAfter(deadline);
        }
        return today.isAfter(deadline);
    }

    private AnnualReport find(String countyCode, int year) {
        return reports.findByCountyCodeAndYear(countyCode, year)
                .orElseThrow(NotFoundException::new);
    }

    /** The report, when it is still at the version a decision was made on. */
    private AnnualReport find(String countyCode, int year, int version) {
        AnnualReport report = find(countyCode, year);
        if (report.getVersion() != version) {
            throw new ReportConflictException(report.getVersion());
        }
        return report;
    }
}
