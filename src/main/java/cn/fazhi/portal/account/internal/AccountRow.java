package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.region.RegionView;
import java.time.Instant;
import java.util.List;

/**
 * An account as the administration pages show it; never its password hash.
 *
 * @param throttled some address must wait before trying this account again
 * @param nextAttemptAt the latest time an address must wait for; null when none must
 * @param failedLoginCount failed logins of the last day, from every address
 * @param loginFailures those failures by client address, newest first
 */
public record AccountRow(
        Long id,
        String username,
        String displayName,
        Role role,
        RegionView scope,
        boolean enabled,
        boolean throttled,
        Instant nextAttemptAt,
        int failedLoginCount,
        boolean mustChangePassword,
        Instant lastLoginAt,
        String lastLoginAddress,
        Instant createdAt,
        List<LoginFailureRow> loginFailures) {}
