package cn.fazhi.portal.account;

import cn.fazhi.portal.config.NotAllowedException;
import cn.fazhi.portal.region.RegionView;

/**
 * Who is asking: an account's role and scope, or an anonymous member of the public. Services
 * take a viewer and decide with it; this is the one place that says what a scope covers.
 *
 * @param scopeRegionCode the county of a clerk; the province or prefecture of a reviewer, null for
 *     a national reviewer; null for an administrator
 */
public record Viewer(Long accountId, String username, Role role, String scopeRegionCode) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, null, null);

    public static Viewer of(PortalUser user) {
        return user == null ? ANONYMOUS : user.toViewer();
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    /** Refuses (403) anyone who does not have the role. */
    public void require(Role expected) {
        if (role != expected) {
            throw new NotAllowedException("needs role " + expected);
        }
    }

    public boolean isAnonymous() {
        return role == null;
    }

    /**
     * Whether this viewer may see a county's unpublished work (drafts, submitted and returned
     * reports). Approved reports are public and need no check.
     */
    public boolean canSeeUnpublishedOf(RegionView county) {
        if (role == null || county == null) {
            return false;
        }
        return switch (role) {
            case ADMIN -> true;
            case REVIEWER -> county.isWithin(scopeRegionCode);
            case COUNTY_STAFF -> county.code().equals(scopeRegionCode);
        };
    }
}
