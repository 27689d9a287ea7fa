package cn.fazhi.portal.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 登录限速: failed logins per (account, client address), kept in PostgreSQL so that every portal
 * instance sees the same.
 *
 * <ul>
 *   <li>An address that failed on an account waits before its next try on that account: nothing for
 *       the first {@value #FREE_FAILURES} failures, then one second doubling with every failure up to
 *       fifteen minutes. Its successful login forgets them.</li>
 *   <li>Other addresses wait only a little ({@link #MAX_HOLD}, once per try) while the account is
 *       being guessed at elsewhere, so that a stranger's wrong passwords never keep the owner out.
 *       Their wait is counted from when they were first told to wait, which no stranger can move.</li>
 *   <li>An address that fails on many different usernames (spraying) waits before any further try.</li>
 * </ul>
 *
 * A try is counted as a failure when it starts and forgotten when it succeeds, so that parallel
 * guesses are all counted. A username without an enabled account is kept as one of 65,536 buckets
 * of a keyed hash, never as the typed text (often a password typed into the wrong box), and is
 * slowed exactly like an account, so that the answers never tell which usernames exist.
 */
@Component
public class LoginThrottle {

    /** Failures of one address on one account before each further try from it must wait. */
    static final int FREE_FAILURES = 3;

    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    public static final Duration MAX_WAIT = Duration.ofMinutes(15);
    /** Failures are forgotten a day after the last one. */
    static final Duration FORGET_AFTER = Duration.ofHours(24);

    /** Other addresses' recent failures on an account before a new address is held at all. */
    static final int FREE_FAILURES_ELSEWHERE = 3;

    static final Duration ELSEWHERE_WINDOW = Duration.ofMinutes(15);
    /** The most any address waits because of other addresses' failures. */
    public static final Duration MAX_HOLD = Duration.ofSeconds(5);

    /** Distinct usernames one address may fail on in the window before it is slowed on all of them. */
    public static final int FREE_USERNAMES_PER_ADDRESS = 20;

    static final Duration SPRAY_WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_SPRAY_WAIT = Duration.ofMinutes(1);
    /** The column's width; an address longer than an IPv6 one came from a forwarded header. */
    static final int MAX_ADDRESS_LENGTH = 45;

    /** Who a login names: an enabled account, or a bucket of usernames without one. */
    public record Subject(Long accountId, Integer unknownBucket) {

        static Subject account(long id) {
            return new Subject(id, null);
        }

        static Subject unknown(int bucket) {
            return new Subject(null, bucket);
        }

        String column() {
            return accountId != null ? "account_id" : "unknown_bucket";
        }

        Object key() {
            return accountId != null ? accountId : unknownBucket;
        }
    }

    private record Row(long id, int failures, Instant lastFailedAt, Instant heldAt) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile SecretKeySpec bucketKey;

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The subject of a login: the account when it exists and is enabled, else the username's bucket. */
    public Subject subjectFor(Long enabledAccountId, String normalisedUsername) {
        return enabledAccountId != null
                ? Subject.account(enabledAccountId)
                : Subject.unknown(bucket(normalisedUsername));
    }

    /**
     * Asks to try a password: either counts the try (as a failure until it succeeds) and answers
     * zero, or answers how long this address must still wait, counting nothing.
     */
    public Duration attempt(Subject subject, String address) {
        String from = column(address);
        Instant now = now();
        return transaction.execute(status -> {
            jdbc.sql("insert into login_failure (" + subject.column() + ", address, failures, last_failed_at) "
                            + "values (:key, :address, 0, :now) on conflict (" + subject.column() + ", address) where "
                            + subject.column() + " is not null do nothing")
                    .param("key", subject.key())
                    .param("address", from)
                    .param("now", ts(now))
                    .update();
            Row own = jdbc.sql("select id, failures, last_failed_at, held_at from login_failure where "
                            + subject.column() + " = :key and address = :address for update")
                    .param("key", subject.key())
                    .param("address", from)
                    .query((rs, n) -> new Row(
                            rs.getLong(1), rs.getInt(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))))
                    .single();
            int failures = own.lastFailedAt().isBefore(now.minus(FORGET_AFTER)) ? 0 : own.failures();
            Duration wait = remaining(nextTry(failures, own.lastFailedAt()), now);

            Instant heldAt = own.heldAt();
            Duration hold = holdFor(elsewhere(subject, from, now));
            if (hold.isZero()) {
                heldAt = null;
            } else {
                if (heldAt == null) {
                    heldAt = now;
                }
                wait = max(wait, remaining(heldAt.plus(hold), now));
            }
            wait = max(wait, sprayWait(own.id(), from, now));

            if (!wait.isZero()) {
                jdbc.sql("update login_failure set held_at = :held where id = :id")
                        .param("held", ts(heldAt))
                        .param("id", own.id())
                        .update();
                return wait;
            }
            jdbc.sql(
                            "update login_failure set failures = :failures, last_failed_at = :now, held_at = null where id = :id")
                    .param("failures", failures + 1)
                    .param("now", ts(now))
                    .param("id", own.id())
                    .update();
            return Duration.ZERO;
        });
    }

    /**
     * The try, counted when it started, failed: its wait runs from now (the password check took a
     * while). How long this address must wait before its next try; zero when it may try at once.
     */
    public Duration failed(Subject subject, String address) {
        Instant now = now();
        return jdbc.sql("update login_failure set last_failed_at = :now where " + subject.column()
                        + " = :key and address = :address and failures > 0 returning failures")
                .param("now", ts(now))
                .param("key", subject.key())
                .param("address", column(address))
                .query((rs, n) -> remaining(nextTry(rs.getInt(1), now), now))
                .optional()
                .orElse(Duration.ZERO);
    }

    /** A successful login forgets the failures of its address on its account (not those of others). */
    public void succeeded(Subject subject, String address) {
        jdbc.sql("delete from login_failure where " + subject.column() + " = :key and address = :address")
                .param("key", subject.key())
                .param("address", column(address))
                .update();
    }

    /** Forgets a day-old failure, so that the table holds only what still slows someone down. */
    void forgetOld() {
        jdbc.sql("delete from login_failure where last_failed_at < :cutoff")
                .param("cutoff", ts(now().minus(FORGET_AFTER)))
                .update();
    }

    /** The administrator's unlock: every address may try this account again at once. */
    void clear(long accountId) {
        jdbc.sql("delete from login_failure where account_id = :id")
                .param("id", accountId)
                .update();
    }

    /** The account's recent failures by address, newest first, with when each address may try next. */
    List<LoginFailureRow> failuresOf(long accountId) {
        return failuresOf(List.of(accountId)).getOrDefault(accountId, List.of());
    }

    /** {@link #failuresOf(long)} for a page of accounts, in one statement. */
    Map<Long, List<LoginFailureRow>> failuresOf(Collection<Long> accountIds) {
        Map<Long, List<LoginFailureRow>> byAccount = new HashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        Instant now = now();
        jdbc.sql("""
                        select account_id, address, failures, last_failed_at from login_failure
                        where account_id in (:ids) and failures > 0 and last_failed_at >= :since
                        order by last_failed_at desc
                        """)
                .param("ids", accountIds)
                .param("since", ts(now.minus(FORGET_AFTER)))
                .query(rs -> {
                    Instant last = instant(rs.getTimestamp(4));
                    Instant next = nextTry(rs.getInt(3), last);
                    byAccount
                            .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new LoginFailureRow(
                                    rs.getString(2),
                                    rs.getInt(3),
                                    last,
                                    next != null && next.isAfter(now) ? next : null));
                });
        return byAccount;
    }

    /** The accounts that some address must wait to try now. */
    List<Long> throttledAccounts() {
        Instant now = now();
        List<Long> ids = new ArrayList<>();
        jdbc.sql("select account_id, failures, last_failed_at from login_failure "
                        + "where account_id is not null and failures >= :free and last_failed_at >= :since")
                .param("free", FREE_FAILURES)
                .param("since", ts(now.minus(MAX_WAIT)))
                .query(rs -> {
                    Instant next = nextTry(rs.getInt(2), instant(rs.getTimestamp(3)));
                    if (next != null && next.isAfter(now)) {
                        ids.add(rs.getLong(1));
                    }
                });
        return ids;
    }

    /** When an address with this many failures, the last at that time, may try again; null: at once. */
    static Instant nextTry(int failures, Instant lastFailedAt) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 20));
        return lastFailedAt.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }

    /** The hold of an address because of others' failures: nothing, then 1 s doubling up to the maximum. */
    static Duration holdFor(int failuresElsewhere) {
        if (failuresElsewhere < FREE_FAILURES_ELSEWHERE) {
            return Duration.ZERO;
        }
        Duration hold = FIRST_WAIT.multipliedBy(1L << Math.min(failuresElsewhere - FREE_FAILURES_ELSEWHERE, 20));
        return hold.compareTo(MAX_HOLD) > 0 ? MAX_HOLD : hold;
    }

    private int elsewhere(Subject subject, String address, Instant now) {
        return jdbc.sql("select coalesce(sum(failures), 0) from login_failure where " + subject.column()
                        + " = :key and address <> :address and last_failed_at >= :since")
                .param("key", subject.key())
                .param("address", address)
                .param("since", ts(now.minus(ELSEWHERE_WINDOW)))
                .query(Integer.class)
                .single();
    }

    /** Past the free usernames, one second doubling with each further one, from the address's last failure. */
    private Duration sprayWait(long ownRow, String address, Instant now) {
        return jdbc.sql("select count(*), max(last_failed_at) from login_failure "
                        + "where address = :address and id <> :own and failures > 0 and last_failed_at >= :since")
                .param("address", address)
                .param("own", ownRow)
                .param("since", ts(now.minus(SPRAY_WINDOW)))
                .query((rs, n) -> {
                    int usernames = rs.getInt(1);
                    if (usernames < FREE_USERNAMES_PER_ADDRESS) {
                        return Duration.ZERO;
                    }
                    Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(usernames - FREE_USERNAMES_PER_ADDRESS, 20));
                    return remaining(
                            instant(rs.getTimestamp(2))
                                    .plus(wait.compareTo(MAX_SPRAY_WAIT) > 0 ? MAX_SPRAY_WAIT : wait),
                            now);
                })
                .single();
    }

    /**
     * The bucket of a username without an account: 16 bits of an HMAC whose key lives in the database.
     * So few bits tell nothing about the typed text even to whoever holds the key.
     */
    int bucket(String normalisedUsername) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(bucketKey());
            byte[] digest = mac.doFinal(
                    (normalisedUsername == null ? "" : normalisedUsername).getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xff) << 8) | (digest[1] & 0xff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec bucketKey() {
        SecretKeySpec key = bucketKey;
        if (key == null) {
            String secret = jdbc.sql("select key from login_throttle_key where id = 1")
                    .query(String.class)
                    .single();
            key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            bucketKey = key;
        }
        return key;
    }

    /** PostgreSQL keeps microseconds: compute with what it will give back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String column(String address) {
        if (address == null) {
            return "";
        }
        return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
    }

    private static Duration remaining(Instant until, Instant now) {
        if (until == null || !until.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, until);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
