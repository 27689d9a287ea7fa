package cn.fazhi.portal.inspection;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.config.NotAllowedException;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.internal.Dates;
import cn.fazhi.portal.inspection.internal.FindingAdded;
import cn.fazhi.portal.inspection.internal.FindingDetails;
import cn.fazhi.portal.inspection.internal.FindingEvidenceRepository;
import cn.fazhi.portal.inspection.internal.FindingQuery;
import cn.fazhi.portal.inspection.internal.FindingRow;
import cn.fazhi.portal.inspection.internal.FindingSeverity;
import cn.fazhi.portal.inspection.internal.FindingUpdated;
import cn.fazhi.portal.inspection.internal.Inspection;
import cn.fazhi.portal.inspection.internal.InspectionAccess;
import cn.fazhi.portal.inspection.internal.InspectionConflictException;
import cn.fazhi.portal.inspection.internal.InspectionDetails;
import cn.fazhi.portal.inspection.internal.InspectionFinding;
import cn.fazhi.portal.inspection.internal.InspectionFindingRepository;
import cn.fazhi.portal.inspection.internal.InspectionInputException;
import cn.fazhi.portal.inspection.internal.InspectionKind;
import cn.fazhi.portal.inspection.internal.InspectionRecorded;
import cn.fazhi.portal.inspection.internal.InspectionSummary;
import cn.fazhi.portal.inspection.internal.InspectionUpdated;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections and their findings: reviewers in scope record and edit them; the county's clerk, the
 * reviewers in scope and administrators read them. Every change is audited. "Overdue" is worked
 * out from today's date in China each time it is asked, never stored.
 */
@Service
@Transactional
public class InspectionService {

    /** Sorting of every findings list: the nearest deadline first. */
    static final Sort BY_DEADLINE = Sort.by("deadline", "id");

    private final InspectionRepository inspections;
    private final InspectionFindingRepository findings;
    private final FindingEvidenceRepository evidence;
    private final InspectionAccess access;
    private final FindingRows rows;
    private final RegionService regions;
    private final CatalogService catalog;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final ReportingCalendar calendar;
    private final Clock clock;
    private final FindingCountQueries openFindings;

    InspectionService(
            InspectionRepository inspections,
            InspectionFindingRepository findings,
            FindingEvidenceRepository evidence,
            InspectionAccess access,
            FindingRows rows,
            RegionService regions,
            CatalogService catalog,
            AuditService audit,
            ApplicationEventPublisher events,
            ReportingCalendar calendar,
            Clock clock,
            FindingCountQueries openFindings) {
        this.openFindings = openFindings;
        this.inspections = inspections;
        this.findings = findings;
        this.evidence = evidence;
        this.access = access;
        this.rows = rows;
        this.regions = regions;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ---- reading ----

    /** The inspections the viewer may see, newest first; optionally of one county or year. */
    @Transactional(readOnly = true)
    public List<InspectionSummary> inspections(String countyCode, Integer year, Viewer viewer) {
        List<String> scope = access.scopeOf(viewer);
        List<Inspection> found;
        if (countyCode != null && !countyCode.isBlank()) {
            access.readable(countyCode.strip(), viewer);
            found = inspections.findWithin(false, List.of(countyCode.strip()), year);
        } else {
            found = inspections.findWithin(scope == null, scope == null ? List.of("") : scope, year);
        }
        Map<String, RegionView> counties = regions.findAll(
                found.stream().map(Inspection::getCountyCode).distinct().toList());
        LocalDate today = calendar.today();
        return found.stream()
                .map(i -> new InspectionSummary(
                        i.getId(),
                        counties.get(i.getCountyCode()),
                        i.getYear(),
                        i.getKind(),
                        i.getStartedOn(),
                        i.getInspectingBody(),
                        i.getFindings().size(),
                        (int) i.getFindings().stream()
                                .filter(f -> !f.isClosed())
                                .count(),
                        (int) i.getFindings().stream()
                                .filter(f -> f.isOverdueOn(today))
                                .count()))
                .toList();
    }

    @Transactional(readOnly = true)
    public InspectionDetails inspection(long id, Viewer viewer, Locale locale) {
        Inspection i = inspections.findById(id).orElseThrow(InspectionService::notFound);
        RegionView county = access.readable(i.getCountyCode(), viewer);
        return new InspectionDetails(
                i.getId(),
                county,
                i.getYear(),
                i.getKind(),
                i.getStartedOn(),
                i.getEndedOn(),
                i.getInspectingBody(),
                i.getInspectors(),
                i.getSummary(),
                i.getVersion(),
                rows.of(i.getFindings(), calendar.today(), locale),
                InspectionAccess.isReviewerOf(county, viewer));
    }

    @Transactional(readOnly = true)
    public FindingDetails finding(long id, Viewer viewer, Locale locale) {
        InspectionFinding f = findings.findById(id).orElseThrow(InspectionService::notFound);
        RegionView county = access.readable(f.getInspection().getCountyCode(), viewer);
        boolean reviewer = InspectionAccess.isReviewerOf(county, viewer);
        return new FindingDetails(
                rows.of(f, county, calendar.today(), locale),
                f.getRectificationReply(),
                f.getReviewComment(),
                f.getReturnedAt(),
                f.getVersion(),
                evidence.listOf(id),
                !f.isClosed() && InspectionAccess.isClerkOf(county, viewer),
                reviewer && f.isAwaitingReview(),
                reviewer && !f.isClosed());
    }

    /** The county's findings not yet accepted, nearest deadline first: the clerk's home page. */
    @Transactional(readOnly = true)
    public List<FindingRow> openFindingsOf(String countyCode, Viewer viewer, Locale locale) {
        access.readable(countyCode, viewer);
        return rows.of(findings.findNotClosedOf(countyCode), calendar.today(), locale);
    }

    /** The findings in the viewer's scope that match the filters, nearest deadline first. */
    @Transactional(readOnly = true)
    public Page<FindingRow> search(FindingQuery query, Pageable page, Viewer viewer, Locale locale) {
        LocalDate today = calendar.today();
        Page<InspectionFinding> found = findings.findAll(
                specification(query, viewer, today),
                PageRequest.of(page.getPageNumber(), page.getPageSize(), BY_DEADLINE));
        return new PageImpl<>(
                rows.of(found.getContent(), today, locale), found.getPageable(), found.getTotalElements());
    }

    /** Every finding matching the filters, for the CSV and Excel downloads. */
    @Transactional(readOnly = true)
    public List<FindingRow> export(FindingQuery query, Viewer viewer, Locale locale) {
        LocalDate today = calendar.today();
        return rows.of(findings.findAll(specification(query, viewer, today), BY_DEADLINE), today, locale);
    }

    /**
     * For the status board and the county profile: per county, the findings not yet accepted and
     * how many of them are overdue today. Only counties the viewer may see are counted (the
     * county's clerk, reviewers in scope, administrators); every other county asked for, and every
     * county without open findings, gets {@link FindingCounts#none}. Anonymous visitors get none
     * for all: inspections are not public.
     *
     * @return one entry per county asked for, in the order asked
     */
    @Transactional(readOnly = true)
    public Map<String, FindingCounts> findingCountsByCounty(Collection<String> countyCodes, Viewer viewer) {
        Map<String, FindingCounts> counts = new LinkedHashMap<>();
        countyCodes.forEach(code -> counts.put(code, FindingCounts.none(code)));
        if (viewer.isAnonymous() || countyCodes.isEmpty()) {
            return counts;
        }
        Map<String, RegionView> counties = regions.findAll(countyCodes);
        List<String> visible = counties.values().stream()
                .filter(viewer::canSeeUnpublishedOf)
                .map(RegionView::code)
                .toList();
        if (!visible.isEmpty()) {
            openFindings.countNotClosed(visible, calendar.today()).forEach(c -> counts.put(c.countyCode(), c));
        }
        return counts;
    }

    /**
     * The same for one county already looked up (the county profile): one statement. None for a
     * viewer who may not see the county's unpublished work.
     */
    @Transactional(readOnly = true)
    public FindingCounts findingCountsOf(RegionView county, Viewer viewer) {
        if (!viewer.canSeeUnpublishedOf(county)) {
            return FindingCounts.none(county.code());
        }
        return openFindings.countNotClosed(List.of(county.code()), calendar.today()).stream()
                .findFirst()
                .orElse(FindingCounts.none(county.code()));
    }

    // ---- recording (reviewers in scope) ----

    public long record(InspectionForm form, Viewer viewer) {
        if (!viewer.is(Role.REVIEWER)) {
            throw new NotAllowedException("only reviewers record inspections");
        }
        RegionView county = regions.findCounty(form.county().strip())
                .filter(c -> InspectionAccess.isReviewerOf(c, viewer))
                .orElseThrow(() -> new InspectionInputException("county", "inspection.countyOutOfScope"));
        Header h = header(form);
        Inspection inspection = inspections.save(new Inspection(
                county.code(),
                h.year,
                h.kind,
                h.startedOn,
                h.endedOn,
                h.body,
                h.inspectors,
                h.summary,
                viewer.accountId(),
                clock.instant()));
        events.publishEvent(new InspectionRecorded(inspection.getId(), state(inspection)));
        return inspection.getId();
    }

    public void edit(long id, InspectionForm form, Viewer viewer) {
        Inspection inspection = inspections.findById(id).orElseThrow(InspectionService::notFound);
        access.requireReviewerOf(inspection.getCountyCode(), viewer);
        InspectionConflictException.check(Objects.requireNonNullElse(form.version(), -1), inspection.getVersion());
        Header h = header(form);
        Map<String, Object> before = state(inspection);
        inspection.edit(h.kind, h.year, h.startedOn, h.endedOn, h.body, h.inspectors, h.summary);
        events.publishEvent(new InspectionUpdated(id, before, state(inspection)));
    }

    public long addFinding(long inspectionId, FindingForm form, Viewer viewer) {
        Inspection inspection = inspections.findById(inspectionId).orElseThrow(InspectionService::notFound);
        access.requireReviewerOf(inspection.getCountyCode(), viewer);
        FindingFields v = findingFields(form, inspection.getYear());
        InspectionFinding finding =
                inspection.addFinding(v.description, v.severity, v.section, v.indicator, v.deadline);
        findings.save(finding);
        events.publishEvent(new FindingAdded(finding.getId(), state(finding)));
        return finding.getId();
    }

    public void editFinding(long id, FindingForm form, Viewer viewer) {
        InspectionFinding finding = findings.findById(id).orElseThrow(InspectionService::notFound);
        access.requireReviewerOf(finding.getInspection().getCountyCode(), viewer);
        InspectionConflictException.check(Objects.requireNonNullElse(form.version(), -1), finding.getVersion());
        FindingFields v = findingFields(form, finding.getInspection().getYear());
        Map<String, Object> before = state(finding);
        finding.edit(v.description, v.severity, v.section, v.indicator, v.deadline);
        events.publishEvent(new FindingUpdated(id, before, state(finding)));
    }

    /** What happened to a finding, newest first, from the audit log. */
    @Transactional(readOnly = true)
    public List<AuditEntry> historyOf(long findingId, Viewer viewer) {
        InspectionFinding f = findings.findById(findingId).orElseThrow(InspectionService::notFound);
        access.readable(f.getInspection().getCountyCode(), viewer);
        return audit.historyOf("InspectionFinding", Long.toString(findingId));
    }

    // ---- helpers ----

    private Specification<InspectionFinding> specification(FindingQuery query, Viewer viewer, LocalDate today) {
        List<String> scope = access.scopeOf(viewer);
        List<String> within = query.prefecture() == null ? null : regions.codesWithin(query.prefecture());
        return FindingSpecifications.matching(query, scope, within, today);
    }

    private record Header(
            InspectionKind kind,
            int year,
            LocalDate startedOn,
            LocalDate endedOn,
            String body,
            String inspectors,
            String summary) {}

    private static Header header(InspectionForm form) {
        Integer year = form.yearNumber();
        if (year == null) {
            throw new InspectionInputException("year", "inspection.yearFormat");
        }
        LocalDate started = Dates.parse("startedOn", form.startedOn());
        LocalDate ended = Dates.parse("endedOn", form.endedOn());
        if (ended != null && ended.isBefore(started)) {
            throw new InspectionInputException("endedOn", "inspection.endBeforeStart");
        }
        return new Header(
                InspectionKind.valueOf(form.kind()),
                year,
                started,
                ended,
                form.inspectingBody().strip(),
                blankToNull(form.inspectors()),
                blankToNull(form.summary()));
    }

    private record FindingFields(
            String description, FindingSeverity severity, String section, String indicator, LocalDate deadline) {}

    /** The section may be given alone; an indicator brings its section, and must be of the one chosen. */
    private FindingFields findingFields(FindingForm form, int year) {
        Catalog edition = catalog.forYear(year);
        String section = blankToNull(form.section());
        String indicator = blankToNull(form.indicator());
        if (section != null) {
            FindingRows.section(edition, section);
        }
        if (indicator != null) {
            IndicatorDef def = FindingRows.indicator(edition, indicator);
            if (section != null && !section.equals(def.sectionCode())) {
                throw new InspectionInputException("indicator", "inspection.indicatorOfOtherSection");
            }
            section = def.sectionCode();
        }
        return new FindingFields(
                form.description().strip(),
                FindingSeverity.valueOf(form.severity()),
                section,
                indicator,
                Dates.parse("deadline", form.deadline()));
    }

    private static Map<String, Object> state(Inspection i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("county", i.getCountyCode());
        s.put("year", i.getYear());
        s.put("kind", i.getKind());
        s.put("startedOn", Dates.format(i.getStartedOn()));
        s.put("endedOn", Dates.format(i.getEndedOn()));
        s.put("inspectingBody", i.getInspectingBody());
        s.put("inspectors", i.getInspectors());
        s.put("summary", i.getSummary());
        return s;
    }

    public static Map<String, Object> state(InspectionFinding f) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("inspection", f.getInspection().getId());
        s.put("description", f.getDescription());
        s.put("severity", f.getSeverity());
        s.put("section", f.getSectionCode());
        s.put("indicator", f.getIndicatorCode());
        s.put("deadline", Dates.format(f.getDeadline()));
        s.put("status", f.getStatus());
        return s;
    }

    public static NotFoundException notFound() {
        return new NotFoundException();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
