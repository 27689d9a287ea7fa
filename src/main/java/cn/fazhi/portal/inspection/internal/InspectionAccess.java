package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.NotAllowedException;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a county's inspections, the one place the inspection services ask.
 * Inspections are not public: the county's own clerk, reviewers whose scope covers the county and
 * administrators (who read everything and change nothing) see them; to anyone else a county's
 * inspection does not exist (404), as an unpublished report does not. Among those who see it, the
 * wrong role for a step is refused (403).
 */
@Component
public class InspectionAccess {

    private final RegionService regions;

    InspectionAccess(RegionService regions) {
        this.regions = regions;
    }

    /** The county, if the viewer may read its inspections; 404 otherwise. */
    public RegionView readable(String countyCode, Viewer viewer) {
        RegionView county = regions.findCounty(countyCode).orElse(null);
        if (county == null || !viewer.canSeeUnpublishedOf(county)) {
            throw new NotFoundException();
        }
        return county;
    }

    /** A reviewer whose scope covers the county: records inspections and findings, accepts replies. */
    public RegionView requireReviewerOf(String countyCode, Viewer viewer) {
        RegionView county = readable(countyCode, viewer);
        if (!isReviewerOf(county, viewer)) {
            throw new NotAllowedException("only a reviewer in scope");
        }
        return county;
    }

    /** The county's own clerk: replies and attaches evidence. */
    RegionView requireClerkOf(String countyCode, Viewer viewer) {
        RegionView county = readable(countyCode, viewer);
        if (!isClerkOf(county, viewer)) {
            throw new NotAllowedException("only the county's own clerk");
        }
        return county;
    }

    public static boolean isReviewerOf(RegionView county, Viewer viewer) {
        return viewer.is(Role.REVIEWER) && viewer.canSeeUnpublishedOf(county);
    }

    public static boolean isClerkOf(RegionView county, Viewer viewer) {
        return viewer.is(Role.COUNTY_STAFF) && viewer.canSeeUnpublishedOf(county);
    }

    /** The codes of the counties whose inspections the viewer sees; null for every county. */
    public List<String> scopeOf(Viewer viewer) {
        if (viewer.isAnonymous()) {
            throw new NotAllowedException("inspections are not public");
        }
        if (viewer.is(Role.ADMIN) || (viewer.is(Role.REVIEWER) && viewer.scopeRegionCode() == null)) {
            return null;
        }
        if (viewer.is(Role.COUNTY_STAFF)) {
            return List.of(viewer.scopeRegionCode());
        }
        return regions.codesWithin(viewer.scopeRegionCode());
    }
}
