package cn.fazhi.portal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed logins kept in memory: per client address, to slow down whoever keeps guessing, and per
 * unknown username, so that a username that does not exist locks like one that does and the
 * answer never tells which usernames exist.
 */
@Component
class LoginThrottle {

    /** Failures from one address allowed in a window before each further try must wait. */
    static final int FREE_FAILURES_PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 50_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byUnknownUser = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this address must still wait before its next try; zero when it may try now. */
    Duration waitFor(String address) {
        Failures f = current(byAddress, address);
        if (f == null || f.count() < FREE_FAILURES_PER_ADDRESS) {
            return Duration.ZERO;
        }
        // doubles from one second with every failure past the free ones, up to a minute
        int extra = Math.min(f.count() - FREE_FAILURES_PER_ADDRESS, 6);
        Duration wait = Duration.ofSeconds(1L << extra);
        Duration remaining = Duration.between(clock.instant(), f.last().plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    void failedFrom(String address) {
        count(byAddress, address);
    }

    /** Counts a failure for a username no account has; true once it "locks" as a real one would. */
    boolean unknownUserFailed(String username) {
        return count(byUnknownUser, username).count() >= AccountService.MAX_FAILED_LOGINS;
    }

    private Failures count(Map<String, Failures> map, String key) {
        if (key == null) {
            key = "";
        }
        if (map.size() > MAX_ENTRIES) {
            prune(map);
            // still full of live entries: someone is spraying names or addresses; start afresh
            // rather than scan a huge map on every failure
            if (map.size() > MAX_ENTRIES / 2) {
                map.clear();
            }
        }
        Instant now = clock.instant();
        return map.compute(key, (k, f) -> f == null || expired(f, now)
                ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    private Failures current(Map<String, Failures> map, String key) {
        Failures f = key == null ? null : map.get(key);
        return f == null || expired(f, clock.instant()) ? null : f;
    }

    private static boolean expired(Failures f, Instant now) {
        return f.last().plus(WINDOW).isBefore(now);
    }

    private void prune(Map<String, Failures> map) {
        Instant now = clock.instant();
        map.values().removeIf(f -> expired(f, now));
    }
}
