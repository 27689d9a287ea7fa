package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: login support, the administrators' operations and each user's own password. Every
 * administrative method refuses anyone but an ADMIN, whatever the URL rules say.
 */
@Service
@Transactional(readOnly = true)
public class AccountService implements UserDetailsService {

    private static final char[] TEMPORARY_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final AccountRepository accounts;
    private final RegionService regions;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHistory passwordHistory;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountService(
            AccountRepository accounts,
            RegionService regions,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            PasswordHistory passwordHistory,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.regions = regions;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.passwordHistory = passwordHistory;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    // ---- login ----

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(normalise(username))
                .map(Account::toPortalUser)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** @return the elderly-friendly display the account chose, empty when it never chose */
    @Transactional
    public Optional<Boolean> recordLogin(String username, String address) {
        return accounts.findByUsername(normalise(username)).flatMap(a -> {
            a.loggedIn(clock.instant(), address);
            events.publishEvent(new LoggedIn(a.getId(), a.getUsername()));
            return Optional.ofNullable(a.getElderlyMode());
        });
    }

    /** Remembers the viewer's choice of display, so that it follows them to another browser. */
    @Transactional
    public void chooseElderlyMode(Viewer viewer, boolean elderly) {
        accounts.findById(viewer.accountId()).ifPresent(a -> a.chooseDisplay(elderly));
    }

    /**
     * Audits a failed login against the account it named, when there is one. The text typed as a
     * username is never kept: it is often a password typed into the wrong box.
     *
     * @param reason BAD_CREDENTIALS or DISABLED
     */
    @Transactional
    public void recordFailedLogin(String username, String reason) {
        Optional<Account> account = accounts.findByUsername(normalise(username));
        if (account.isPresent()) {
            events.publishEvent(new LoginFailed(account.get().getId(), reason));
        } else {
            events.publishEvent(new LoginFailed(null, "UNKNOWN_USERNAME"));
        }
        throttle.forgetOld();
    }

    /** The id of the enabled account of this username; null when there is none (or it is disabled). */
    public Long enabledAccountId(String username) {
        return accounts.findByUsername(normalise(username))
                .filter(Account::isEnabled)
                .map(Account::getId)
                .orElse(null);
    }

    public boolean anyActive(Role role) {
        return accounts.existsByRoleAndEnabledTrue(role);
    }

    public boolean exists(String username) {
        return accounts.existsByUsername(normalise(username));
    }

    // ---- administration ----

    public Page<AccountRow> search(AccountQuery query, Pageable page, Viewer viewer) {
        viewer.require(Role.ADMIN);
        List<String> within = query.region() == null || query.region().isBlank()
                ? null
                : regions.codesWithin(query.region().trim());
        List<Long> throttled = query.status() == AccountStatus.LOCKED ? throttle.throttledAccounts() : null;
        Page<Account> found = accounts.findAll(
                AccountSpecifications.matching(query, within, throttled),
                page.getSort().isSorted()
                        ? page
                        : org.springframework.data.domain.PageRequest.of(
                                page.getPageNumber(), page.getPageSize(), Sort.by("username")));
        Map<String, RegionView> scopes = regions.findAll(found.map(Account::getScopeRegionCode)
                .filter(java.util.Objects::nonNull)
                .toList());
        Map<Long, List<LoginFailureRow>> failures =
                throttle.failuresOf(found.map(Account::getId).toList());
        return found.map(
                a -> toRow(a, scopes.get(a.getScopeRegionCode()), failures.getOrDefault(a.getId(), List.of())));
    }

    public AccountRow get(long id, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Account account = find(id);
        return toRow(
                account,
                account.getScopeRegionCode() == null
                        ? null
                        : regions.find(account.getScopeRegionCode()).orElse(null),
                throttle.failuresOf(account.getId()));
    }

    /**
     * Creates an account with a temporary password, to be changed at first login.
     *
     * @return the new account's id and its temporary password, to be shown once
     */
    @Transactional
    public CreatedAccount create(AccountCommand command, Viewer viewer) {
        viewer.require(Role.ADMIN);
        String username = normalise(command.username());
        if (accounts.existsByUsername(username)) {
            throw new AccountRuleException("username", "account.usernameTaken");
        }
        RegionView scope = resolveScope(command);
        String temporary = temporaryPassword(username);
        Account account = accounts.save(new Account(
                username,
                command.displayName().trim(),
                passwordEncoder.encode(temporary),
                command.roleValue(),
                code(scope),
                level(scope),
                true));
        events.publishEvent(new AccountCreated(account.getId(), account.auditState()));
        return new CreatedAccount(account.getId(), temporary);
    }

    /** For set-up code (demo accounts, the first administrator) that runs before anyone logs in. */
    @Transactional
    public void createInitial(
            String username,
            String displayName,
            String rawPassword,
            Role role,
            String scopeRegionCode,
            boolean mustChangePassword) {
        RegionView scope = scopeRegionCode == null
                ? null
                : regions.find(scopeRegionCode)
                        .orElseThrow(() -> new IllegalArgumentException("unknown region " + scopeRegionCode));
        Account account = accounts.save(new Account(
                normalise(username),
                displayName,
                passwordEncoder.encode(rawPassword),
                role,
                code(scope),
                level(scope),
                mustChangePassword));
        events.publishEvent(new InitialAccountSetUp(account.getId(), account.auditState()));
    }

    @Transactional
    public void update(long id, AccountCommand command, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Account account = find(id);
        RegionView scope = resolveScope(command);
        if (account.getRole() == Role.ADMIN && command.roleValue() != Role.ADMIN) {
            if (account.getId().equals(viewer.accountId())) {
                throw new AccountRuleException("role", "account.notYourself");
            }
            if (account.isEnabled() && accounts.lockActiveAdmins().size() <= 1) {
                throw new AccountRuleException("role", "account.lastAdmin");
            }
        }
        Map<String, Object> before = account.auditState();
        account.update(command.displayName().trim(), command.roleValue(), code(scope), level(scope));
        events.publishEvent(new AccountUpdated(id, before, account.auditState()));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Account account = find(id);
        Map<String, Object> before = account.auditState();
        if (enabled) {
            account.enable();
        } else {
            if (account.getId().equals(viewer.accountId())) {
                throw new AccountRuleException(null, "account.notYourself");
            }
            if (account.isActiveAdmin() && accounts.lockActiveAdmins().size() <= 1) {
                throw new AccountRuleException(null, "account.lastAdmin");
            }
            account.disable();
        }
        events.publishEvent(
                enabled
                        ? new AccountEnabled(id, before, account.auditState())
                        : new AccountDisabled(id, before, account.auditState()));
    }

    @Transactional
    public void unlock(long id, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Account account = find(id);
        List<LoginFailureRow> failures = throttle.failuresOf(account.getId());
        throttle.clear(account.getId());
        events.publishEvent(new AccountUnlocked(id, failureState(failures)));
    }

    /** The account's failed logins of the last day by client address, with when each may try next. */
    public List<LoginFailureRow> loginFailures(long id, Viewer viewer) {
        viewer.require(Role.ADMIN);
        return throttle.failuresOf(find(id).getId());
    }

    private static List<Map<String, Object>> failureState(List<LoginFailureRow> failures) {
        return failures.stream()
                .map(f -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("address", f.address());
                    row.put("failures", f.failures());
                    row.put("lastFailedAt", f.lastFailedAt().toString());
                    return row;
                })
                .toList();
    }

    /** A one-time temporary password, to be changed at the next login. Also clears the failed logins. */
    @Transactional
    public String resetPassword(long id, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Account account = find(id);
        Map<String, Object> before = account.auditState();
        String temporary = temporaryPassword(account.getUsername());
        account.changePassword(passwordEncoder.encode(temporary), true);
        throttle.clear(account.getId());
        events.publishEvent(new PasswordReset(id, before, account.auditState()));
        return temporary;
    }

    // ---- own account ----

    /**
     * Changes the viewer's own password after checking the current one and the policy.
     *
     * @return the account's new security stamp, for the session that made the change to go on
     * @throws AccountRuleException with the field and message key of the first problem
     */
    @Transactional
    public int changeOwnPassword(Viewer viewer, String currentPassword, String newPassword) {
        if (viewer.isAnonymous()) {
            throw new org.springframework.security.access.AccessDeniedException("login required");
        }
        Account account = find(viewer.accountId());
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new AccountRuleException("currentPassword", "password.currentWrong");
        }
        List<String> problems = passwordPolicy.violations(account.getUsername(), newPassword);
        if (!problems.isEmpty()) {
            throw new AccountRuleException("newPassword", problems.get(0));
        }
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new AccountRuleException("newPassword", "password.unchanged");
        }
        for (String earlier : passwordHistory.recent(account.getId(), PasswordPolicy.HISTORY)) {
            if (passwordEncoder.matches(newPassword, earlier)) {
                throw new AccountRuleException("newPassword", "password.reused");
            }
        }
        String hash = passwordEncoder.encode(newPassword);
        account.changePassword(hash, false);
        passwordHistory.add(account.getId(), hash, PasswordPolicy.HISTORY);
        events.publishEvent(new PasswordChanged(account.getId(), account.auditState()));
        return account.getSecurityStamp();
    }

    /** The policy's complaints about a password, as message keys, for forms that check as one types. */
    public List<String> passwordProblems(String username, String password) {
        return passwordPolicy.violations(username, password);
    }

    // ---- helpers ----

    /**
     * The scope the form asks for, checked against the role: a county for a clerk, the deepest of
     * province and prefecture (or none) for a reviewer, none for an administrator.
     */
    private RegionView resolveScope(AccountCommand command) {
        RegionView province = pick(command.province(), RegionLevel.PROVINCE, "province");
        RegionView prefecture = pick(command.prefecture(), RegionLevel.PREFECTURE, "prefecture");
        RegionView county = pick(command.county(), RegionLevel.COUNTY, "county");
        if (prefecture != null && (province == null || !prefecture.isWithin(province.code()))) {
            throw new AccountRuleException("prefecture", "account.scopeMismatch");
        }
        if (county != null
                && (province == null
                        || !county.isWithin(province.code())
                        || (prefecture != null && !county.isWithin(prefecture.code())))) {
            throw new AccountRuleException("county", "account.scopeMismatch");
        }
        return switch (command.roleValue()) {
            case COUNTY_STAFF -> {
                if (county == null) {
                    throw new AccountRuleException("county", "account.countyRequired");
                }
                yield county;
            }
            case REVIEWER -> {
                if (county != null) {
                    throw new AccountRuleException(null, "account.reviewerNotCounty");
                }
                yield prefecture != null ? prefecture : province;
            }
            case ADMIN -> {
                if (province != null || prefecture != null || county != null) {
                    throw new AccountRuleException(null, "account.adminNoScope");
                }
                yield null;
            }
        };
    }

    private RegionView pick(String code, RegionLevel level, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return regions.find(code.trim())
                .filter(r -> r.level() == level)
                .orElseThrow(() -> new AccountRuleException(field, "account.unknownRegion"));
    }

    private Account find(Long id) {
        return accounts.findById(id).orElseThrow(NotFoundException::new);
    }

    private static AccountRow toRow(Account a, RegionView scope, List<LoginFailureRow> failures) {
        Instant next = failures.stream()
                .map(LoginFailureRow::nextAttemptAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        int count = failures.stream().mapToInt(LoginFailureRow::failures).sum();
        return new AccountRow(
                a.getId(),
                a.getUsername(),
                a.getDisplayName(),
                a.getRole(),
                scope,
                a.isEnabled(),
                next != null,
                next,
                count,
                a.isMustChangePassword(),
                a.getLastLoginAt(),
                a.getLastLoginAddress(),
                a.getCreatedAt(),
                failures);
    }

    /** Three groups of four letters and digits (about 69 bits), drawn again until the policy accepts them. */
    private String temporaryPassword(String username) {
        StringBuilder password;
        do {
            password = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                if (i > 0 && i % 4 == 0) {
                    password.append('-');
                }
                password.append(TEMPORARY_ALPHABET[random.nextInt(TEMPORARY_ALPHABET.length)]);
            }
        } while (!passwordPolicy.violations(username, password.toString()).isEmpty());
        return password.toString();
    }

    private static String code(RegionView scope) {
        return scope == null ? null : scope.code();
    }

    private static String level(RegionView scope) {
        return scope == null ? null : scope.level().name();
    }

    public static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
