package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.TimeConfiguration;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.IllegalReportTransitionException;
import cn.fazhi.portal.report.internal.PublicationAddress;
import cn.fazhi.portal.report.internal.PublicationForm;
import cn.fazhi.portal.report.internal.PublicationInputException;
import cn.fazhi.portal.report.internal.PublicationRecord;
import cn.fazhi.portal.report.internal.PublicationRecorded;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报告公开: the record of where and when a county published its approved report, and who
 * published by the deadline (1 April of the next year in China, unless an administrator set
 * another). The county's clerk, a reviewer whose scope covers the county or an administrator
 * records it; everybody may read it (who has not published is public information).
 */
@Service
@Transactional(readOnly = true)
public class ReportPublications {

    private final AnnualReportRepository reports;
    private final ReportAccess access;
    private final RegionService regions;
    private final ReportingPeriods periods;
    private final ReportingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportPublications(
            AnnualReportRepository reports,
            ReportAccess access,
            RegionService regions,
            ReportingPeriods periods,
            ReportingCalendar calendar,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reports = reports;
        this.access = access;
        this.regions = regions;
        this.periods = periods;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A report's publication as its page shows it.
     *
     * @param date the recorded date, null without a record
     * @param url the website's address, null on the portal or without a record
     * @param portalDate the date a publication on this portal carries (the approval's, China time)
     * @param mayRecord whether this viewer may record or change it now
     */
    public record Panel(
            LocalDate deadline,
            PublicationState state,
            LocalDate date,
            String url,
            boolean onPortal,
            LocalDate portalDate,
            boolean mayRecord) {

        public PublicationForm form() {
            return new PublicationForm(
                    date == null || onPortal ? PublicationForm.PORTAL : PublicationForm.WEBSITE,
                    date == null || onPortal ? "" : date.toString(),
                    url == null ? "" : url);
        }
    }

    /**
     * The publication of a report that is or was approved; empty for any other (nothing to publish
     * yet) and for a report this viewer may not see.
     */
    public Optional<Panel> panelOf(String countyCode, int year, Viewer viewer) {
        Optional<RegionView> county = regions.findCounty(countyCode);
        if (county.isEmpty()) {
            return Optional.empty();
        }
        return reports.findReportOnly(countyCode, year)
                .filter(r -> r.wasApproved() || r.hasPublicationRecord())
                .filter(r ->
                        ReportService.readable(r, county.get(), viewer, null).isPresent() || r.hasPublicationRecord())
                .map(r -> {
                    LocalDate deadline = periods.publicationDeadlineOf(year);
                    return new Panel(
                            deadline,
                            PublicationState.of(r.getPublicationDate(), deadline, calendar.today()),
                            r.getPublicationDate(),
                            r.getPublicationUrl(),
                            Boolean.TRUE.equals(r.getPublicationOnPortal()),
                            approvalDay(r),
                            access.mayRecordPublicationOf(county.get(), viewer));
                });
    }

    /**
     * Refuses, before any input is looked at, what cannot be recorded: 404 for a county or report
     * that does not exist, 403 for the clerk of another county or a reviewer elsewhere, 409 for a
     * report never approved (nothing to publish yet).
     */
    public void requireRecordable(String countyCode, int year, Viewer viewer) {
        recordable(countyCode, year, viewer);
    }

    private AnnualReport recordable(String countyCode, int year, Viewer viewer) {
        access.requirePublisherOf(countyCode, viewer);
        AnnualReport report = reports.findReportOnly(countyCode, year).orElseThrow(NotFoundException::new);
        if (!report.wasApproved() && !report.hasPublicationRecord()) {
            throw new IllegalReportTransitionException("publish", report.getStatus());
        }
        return report;
    }

    /**
     * Records (or changes) the publication of an approved report. Audited, like every change of a
     * report.
     *
     * @throws PublicationInputException for input that is not a publication: nothing is stored
     * @throws IllegalReportTransitionException for a report never approved
     */
    @Transactional
    public void record(String countyCode, int year, PublicationForm form, Viewer viewer) {
        AnnualReport report = recordable(countyCode, year, viewer);
        LocalDate date;
        String url;
        if (form.onPortal()) {
            date = approvalDay(report);
            url = null;
        } else if (PublicationForm.WEBSITE.equals(form.where())) {
            url = form.url() == null ? "" : form.url();
            if (url.isEmpty()) {
                throw new PublicationInputException("url", "publication.urlRequired");
            }
            String problem = PublicationAddress.problemOf(url);
            if (problem != null) {
                throw new PublicationInputException("url", problem);
            }
            date = websiteDate(report, form.date());
        } else {
            throw new PublicationInputException("where", "publication.whereRequired");
        }
        Map<String, Object> before = describe(report.getPublicationDate(), report.getPublicationUrl());
        report.recordPublication(date, url, viewer.accountId(), clock.instant());
        events.publishEvent(new PublicationRecorded(report.getId(), before, describe(date, url)));
    }

    private LocalDate websiteDate(AnnualReport report, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new PublicationInputException("date", "publication.dateRequired");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PublicationInputException("date", "publication.dateFormat");
        }
        if (date.isAfter(calendar.today())) {
            throw new PublicationInputException("date", "publication.dateFuture");
        }
        // the earliest day the report was approved; a date already recorded stays acceptable after a
        // re-approval moved the approval on
        LocalDate earliest = Stream.of(report.getPublishedOn(), approvedDay(report), report.getPublicationDate())
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(LocalDate.of(report.getYear() + 1, 1, 1));
        if (date.isBefore(earliest)) {
            throw new PublicationInputException("date", "publication.dateBeforeApproval", earliest.toString());
        }
        return date;
    }

    private static Map<String, Object> describe(LocalDate date, String url) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (date != null) {
            values.put("publicationDate", date.toString());
            values.put("publication", url == null ? "PORTAL" : url);
        }
        return values;
    }

    /** The day the report became public on this portal, China time. */
    private static LocalDate approvalDay(AnnualReport report) {
        return report.getPublishedOn() != null ? report.getPublishedOn() : approvedDay(report);
    }

    private static LocalDate approvedDay(AnnualReport report) {
        return report.getApprovedAt() == null
                ? null
                : report.getApprovedAt().atZone(TimeConfiguration.CHINA).toLocalDate();
    }

    // ---- the public lists --------------------------------------------------------------------

    /** A recorded publication for the home page: the county, its area and where to read the report. */
    public record Latest(RegionView county, String areaName, int year, LocalDate date, String url, boolean onPortal) {}

    /** The latest recorded publications, the newest date first. */
    public List<Latest> latest(int limit) {
        return reports.latestPublications(Limit.of(limit)).stream()
                .flatMap(p -> regions.findCounty(p.countyCode()).stream()
                        .map(c -> new Latest(c, areaName(c), p.year(), p.date(), p.url(), p.onPortal())))
                .toList();
    }

    /**
     * A county of a year's publication list.
     *
     * @param reportPublic whether the county has a report the public may read on this portal
     */
    public record YearRow(
            RegionView county,
            String areaName,
            PublicationState state,
            LocalDate date,
            String url,
            boolean onPortal,
            boolean reportPublic) {}

    /** Every county of an area (null: the country) with its publication of the year, in code order. */
    public record YearList(int year, LocalDate deadline, List<YearRow> rows, Map<PublicationState, Long> counts) {}

    public YearList yearList(int year, RegionView area) {
        LocalDate deadline = periods.publicationDeadlineOf(year);
        LocalDate today = calendar.today();
        Map<String, PublicationRecord> records = reports.publicationsOf(year).stream()
                .collect(Collectors.toMap(PublicationRecord::countyCode, Function.identity()));
        Map<String, String> names = new java.util.HashMap<>();
        List<YearRow> rows = regions.counties().stream()
                .filter(c -> area == null || c.isWithin(area.code()))
                .map(c -> {
                    PublicationRecord r = records.get(c.code());
                    LocalDate date = r == null ? null : r.date();
                    return new YearRow(
                            c,
                            names.computeIfAbsent(c.groupCode(), this::nameOf),
                            PublicationState.of(date, deadline, today),
                            date,
                            r == null ? null : r.url(),
                            r != null && r.onPortal(),
                            r != null);
                })
                .toList();
        Map<PublicationState, Long> counts = new EnumMap<>(PublicationState.class);
        for (PublicationState state : PublicationState.values()) {
            counts.put(state, 0L);
        }
        rows.forEach(r -> counts.merge(r.state(), 1L, Long::sum));
        return new YearList(year, deadline, rows, counts);
    }

    private String areaName(RegionView county) {
        return nameOf(county.groupCode());
    }

    private String nameOf(String code) {
        return regions.find(code).map(RegionView::name).orElse("");
    }
}
