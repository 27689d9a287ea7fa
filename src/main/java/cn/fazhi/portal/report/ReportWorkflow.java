package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.ReportApproved;
import cn.fazhi.portal.report.internal.ReportReopened;
import cn.fazhi.portal.report.internal.ReportReturned;
import cn.fazhi.portal.report.internal.ReportSubmitted;
import cn.fazhi.portal.report.internal.ReportVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;
    private final ReportingCalendar calendar;
    private final Clock clock;
    private final cn.fazhi.portal.catalog.CatalogService catalogs;

    ReportWorkflow(
            AnnualReportRepository reports,
            ReportAccess access,
            ReportEntryService entries,
            ApplicationEventPublisher events,
            ReportingCalendar calendar,
            Clock clock,
            cn.fazhi.portal.catalog.CatalogService catalogs) {
        this.catalogs = catalogs;
        this.reports = reports;
        this.access = access;
        this.entries = entries;
        this.events = events;
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
            events.publishEvent(new ReportSubmitted(report.getId(), before, report.getStatus()));
        }
        return blocking;
    }

    /** A reviewer's decision on a report, each with who may take it. */
    public enum Decision {
        /** back to the county with a comment: a reviewer in scope */
        RETURN,
        /** approval and publication: a reviewer in scope */
        APPROVE,
        /** an approved report opened again for correction: a reviewer in scope or an administrator */
        REOPEN
    }

    /**
     * Checks that the viewer may take the decision and that the report is still at the version the
     * decision was made on, before the review module looks at what the reviewer typed (so that a
     * stranger is refused, and a stale page is told so, whatever they typed).
     *
     * @return whether the report has a published version: an approval then publishes a correction
     * @throws ReportConflictException when the report changed since
     */
    @Transactional(readOnly = true)
    public boolean checkDecision(String countyCode, int year, int version, Decision decision, Viewer viewer) {
        requireDecider(countyCode, decision, viewer);
        return find(countyCode, year, version).getPublishedVersion() != null;
    }

    private void requireDecider(String countyCode, Decision decision, Viewer viewer) {
        if (decision == Decision.REOPEN) {
            access.requireReopenerOf(countyCode, viewer);
        } else {
            access.requireReviewerOf(countyCode, viewer);
        }
    }

    /**
     * Returns the report to the county with the reviewer's comment (the review module checked it:
     * present, within the database's 5000 characters).
     *
     * @param version the version of the report the reviewer decided on
     * @throws ReportConflictException when the report changed since (returned, edited, resubmitted)
     */
    public void returnForRevision(String countyCode, int year, int version, String comment, Viewer viewer) {
        requireDecider(countyCode, Decision.RETURN, viewer);
        AnnualReport report = find(countyCode, year, version);
        report.returnForRevision(viewer.accountId(), clock.instant(), comment.strip());
        events.publishEvent(new ReportReturned(report.getId(), report.getStatus(), report.getReviewComment()));
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
     * Approves the report and publishes it as its next version, freezing it as a {@link ReportVersion};
     * a correction may carry a note for the public (why it was corrected), which is all the public
     * learns of the correction (the review module checked it: only for a correction, at most 2000
     * characters).
     *
     * @param publicNote the note, or null or blank for none
     */
    public void approve(String countyCode, int year, int version, String publicNote, Viewer viewer) {
        requireDecider(countyCode, Decision.APPROVE, viewer);
        AnnualReport report = find(countyCode, year, version);
        String note = StringUtils.hasText(publicNote) ? publicNote.strip() : null;
        if (note != null && report.getPublishedVersion() == null) {
            // checkDecision told the review module, which refuses such a note before it gets here
            throw new RuleRefusedException("a public note is only for a correction");
        }
        ReportVersion published =
                report.approve(viewer.accountId(), clock.instant(), calendar.today(), catalogs.forYear(year), note);
        events.publishEvent(new ReportApproved(report.getId(), report.getStatus(), published.getNumber(), note));
    }

    /**
     * Opens an approved report again for correction, with the reason (the review module checked it).
     *
     * @param version the version of the report the decision was made on
     */
    public void reopen(String countyCode, int year, int version, String reason, Viewer viewer) {
        requireDecider(countyCode, Decision.REOPEN, viewer);
        AnnualReport report = find(countyCode, year, version);
        report.reopen(viewer.accountId(), clock.instant(), reason.strip());
        events.publishEvent(new ReportReopened(report.getId(), report.getStatus(), report.getReviewComment()));
    }

    private AnnualReport find(String countyCode, int year) {
        return reports.findByCountyCodeAndYear(countyCode, year).orElseThrow(NotFoundException::new);
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
