package cn.fazhi.portal.account;

import cn.fazhi.portal.region.RegionView;
import java.time.Instant;

/** An account as the administration pages show it; never its password hash. */
public record AccountRow(Long id, String username, String displayName, Role role, RegionView scope,
        boolean enabled, boolean locked, Instant lockedUntil, int failedLoginCount, boolean mustChangePassword,
        Instant lastLoginAt, String lastLoginAddress, Instant createdAt) {
}
