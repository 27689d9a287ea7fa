package cn.fazhi.portal.review.internal;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.TimeConfiguration;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.ReportListing;
import cn.fazhi.portal.report.ReportListings;
import cn.fazhi.portal.report.ReportStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue (审核队列) of a reviewer or an administrator: the reports of the counties in their
 * scope, by default those waiting for a decision (submitted), a page at a time. The scope and the
 * filters become the query's county codes, so that the database reads only the rows shown.
 */
@Service
@Transactional(readOnly = true)
public class ReviewQueue {

    /** Rows on a page of the queue. */
    public static final int PAGE_SIZE = 50;

    private final ReportListings listings;
    private final RegionService regions;
    private final ReportingCalendar calendar;

    ReviewQueue(ReportListings listings, RegionService regions, ReportingCalendar calendar) {
        this.listings = listings;
        this.regions = regions;
        this.calendar = calendar;
    }

    /**
     * What the queue shows.
     *
     * @param year the year, or null for every year
     * @param status the status, or null for any
     * @param area a prefecture (or a province, or a county) within the viewer's scope, or null or
     *     blank for the whole scope
     */
    public record Filter(Integer year, ReportStatus status, String area) {

        /** The reports waiting for a decision: submitted, of any year, in the whole scope. */
        public static Filter waiting() {
            return new Filter(null, ReportStatus.SUBMITTED, null);
        }
    }

    /**
     * A page of the queue: submitted reports first and the oldest submission first, then the others
     * by county.
     */
    public Page<QueueRow> queue(Filter filter, Pageable pageable, Viewer viewer) {
        if (!viewer.is(Role.REVIEWER) && !viewer.is(Role.ADMIN)) {
            throw new AccessDeniedException("the review queue is for reviewers");
        }
        Set<ReportStatus> statuses = filter.status() == null ? Set.of() : Set.of(filter.status());
        Page<ReportListing> page = listings.find(
                new ReportListings.Criteria(countiesOf(filter.area(), viewer), filter.year(), statuses), pageable);
        Map<String, RegionView> counties = regions.findAll(
                page.getContent().stream().map(ReportListing::countyCode).toList());
        LocalDate today = calendar.today();
        return page.map(r -> new QueueRow(
                r.countyCode(),
                nameOf(counties.get(r.countyCode()), r.countyCode()),
                r.year(),
                r.status(),
                r.submittedAt(),
                r.submissionDeadline(),
                isLate(r, today)));
    }

    /**
     * The codes of the counties the viewer may review within the area, or null for every county
     * (from the region tree in memory: the scope is the viewer's rule, as on every other page).
     */
    private Set<String> countiesOf(String area, Viewer viewer) {
        String within = area == null || area.isBlank() ? null : area.strip();
        boolean everywhere = viewer.is(Role.ADMIN) || viewer.scopeRegionCode() == null;
        if (everywhere && within == null) {
            return null;
        }
        return regions.counties().stream()
                .filter(viewer::canSeeUnpublishedOf)
                .filter(c -> within == null || c.isWithin(within))
                .map(RegionView::code)
                .collect(Collectors.toSet());
    }

    private static String nameOf(RegionView county, String code) {
        return county == null ? code : county.name();
    }

    private static boolean isLate(ReportListing report, LocalDate today) {
        LocalDate deadline = report.submissionDeadline();
        if (report.submittedAt() != null) {
            return report.submittedAt()
                    .atZone(TimeConfiguration.CHINA)
                    .toLocalDate()
                    .isAfter(deadline);
        }
        return today.isAfter(deadline);
    }
}
