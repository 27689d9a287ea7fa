package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.NotAllowedException;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import org.springframework.stereotype.Component;

/** Who may do what to a county's report: the one place the report services ask. */
@Component
class ReportAccess {

    private final RegionService regions;

    ReportAccess(RegionService regions) {
        this.regions = regions;
    }

    RegionView county(String code) {
        return regions.findCounty(code).orElseThrow(NotFoundException::new);
    }

    /** The county's own clerk: enters, saves and submits. */
    RegionView requireClerkOf(String countyCode, Viewer viewer) {
        RegionView county = county(countyCode);
        if (!viewer.is(Role.COUNTY_STAFF) || !viewer.canSeeUnpublishedOf(county)) {
            throw new NotAllowedException("only the county's own clerk");
        }
        return county;
    }

    /** A reviewer whose scope covers the county: returns and approves. */
    RegionView requireReviewerOf(String countyCode, Viewer viewer) {
        RegionView county = county(countyCode);
        if (!viewer.is(Role.REVIEWER) || !viewer.canSeeUnpublishedOf(county)) {
            throw new NotAllowedException("only a reviewer in scope");
        }
        return county;
    }

    /** The county's clerk, a reviewer in scope or an administrator: records the report's publication. */
    boolean mayRecordPublicationOf(RegionView county, Viewer viewer) {
        return viewer.is(Role.ADMIN)
                || (viewer.is(Role.COUNTY_STAFF) || viewer.is(Role.REVIEWER)) && viewer.canSeeUnpublishedOf(county);
    }

    RegionView requirePublisherOf(String countyCode, Viewer viewer) {
        RegionView county = county(countyCode);
        if (!mayRecordPublicationOf(county, viewer)) {
            throw new NotAllowedException("only the county's clerk, a reviewer in scope or an administrator");
        }
        return county;
    }

    /** A reviewer in scope or an administrator: reopens an approved report. */
    RegionView requireReopenerOf(String countyCode, Viewer viewer) {
        RegionView county = county(countyCode);
        boolean reviewer = viewer.is(Role.REVIEWER) && viewer.canSeeUnpublishedOf(county);
        if (!reviewer && !viewer.is(Role.ADMIN)) {
            throw new NotAllowedException("only a reviewer in scope or an administrator");
        }
        return county;
    }
}
