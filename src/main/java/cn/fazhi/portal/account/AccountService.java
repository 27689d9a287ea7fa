package cn.fazhi.portal.account;

import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.time.Clock;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: loading them for login, recording logins, creating them. */
@Service
@Transactional(readOnly = true)
public class AccountService implements UserDetailsService {

    private final AccountRepository accounts;
    private final RegionService regions;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(AccountRepository accounts, RegionService regions, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.regions = regions;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(normalise(username))
                .map(a -> a.toPortalUser(clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @Transactional
    public void recordLogin(String username, String address) {
        accounts.findByUsername(normalise(username)).ifPresent(a -> a.loggedIn(clock.instant(), address));
    }

    public boolean anyActive(Role role) {
        return accounts.existsByRoleAndEnabledTrue(role);
    }

    public boolean exists(String username) {
        return accounts.existsByUsername(normalise(username));
    }

    /**
     * Creates an account. The scope must fit the role (a county for a clerk, a province or
     * prefecture or none for a reviewer, none for an admin); the database checks this again.
     */
    @Transactional
    public void create(String username, String displayName, String rawPassword, Role role,
            String scopeRegionCode, boolean mustChangePassword) {
        String scopeLevel = null;
        if (scopeRegionCode != null) {
            RegionView scope = regions.find(scopeRegionCode)
                    .orElseThrow(() -> new IllegalArgumentException("unknown region " + scopeRegionCode));
            scopeLevel = scope.level().name();
        }
        accounts.save(new Account(normalise(username), displayName, passwordEncoder.encode(rawPassword),
                role, scopeRegionCode, scopeLevel, mustChangePassword));
    }

    static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
