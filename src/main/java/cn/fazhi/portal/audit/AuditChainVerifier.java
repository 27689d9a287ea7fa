package cn.fazhi.portal.audit;

import cn.fazhi.portal.audit.internal.AuditChainReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the audit log's hash chain (V11) and recomputes every link in Java: the database's own
 * functions are not trusted to check themselves. The events are read as a stream in one snapshot,
 * so a log of millions of rows needs no more memory than one row.
 */
@Component
class AuditChainVerifier {

    /** The hash before the first link: SHA-256 of the same fixed text as in V11. */
    static final byte[] GENESIS = sha256(new byte[0], "fazhi-portal audit chain");

    private static final String LINKS = """
            select c.seq, c.event_id, c.prev_hash, c.hash, e.id as present,
                   (extract(epoch from e.occurred_at) * 1000000)::bigint as micros,
                   e.actor, e.client_address, e.action, e.entity_type, e.entity_id,
                   e.before_state::text as before_state, e.after_state::text as after_state
              from audit_chain c left join audit_event e on e.id = c.event_id
             order by c.seq""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    AuditChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(1000);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    AuditChainReport verify() {
        return snapshot.execute(status -> walk());
    }

    private AuditChainReport walk() {
        Walk walk = new Walk();
        jdbc.query(LINKS, walk);
        if (walk.broken != null) {
            return walk.broken;
        }
        AuditChainReport head = jdbc.query("select seq, hash from audit_chain_head", rs -> {
            if (!rs.next()) {
                return walk.report(AuditChainReport.Problem.HEAD_MISMATCH, walk.expectedSeq, null);
            }
            return rs.getLong("seq") == walk.expectedSeq - 1 && Arrays.equals(rs.getBytes("hash"), walk.previous)
                    ? null
                    : walk.report(AuditChainReport.Problem.HEAD_MISMATCH, rs.getLong("seq"), null);
        });
        if (head != null) {
            return head;
        }
        Long unsealed = jdbc.queryForObject("""
                select min(e.id) from audit_event e
                 where not exists (select 1 from audit_chain c where c.event_id = e.id)""", Long.class);
        if (unsealed != null) {
            return walk.report(AuditChainReport.Problem.UNSEALED, null, unsealed);
        }
        return new AuditChainReport(
                walk.checked, null, null, null, HexFormat.of().formatHex(walk.previous));
    }

    /** The walk along the links in order, stopping at the first that does not hold. */
    private static final class Walk implements RowCallbackHandler {

        long expectedSeq = 1;
        long checked;
        byte[] previous = GENESIS;
        AuditChainReport broken;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            long seq = rs.getLong("seq");
            long eventId = rs.getLong("event_id");
            if (seq != expectedSeq) {
                broken = report(AuditChainReport.Problem.LINK_MISSING, expectedSeq, null);
                return;
            }
            if (!Arrays.equals(rs.getBytes("prev_hash"), previous)) {
                broken = report(AuditChainReport.Problem.LINK_BROKEN, seq, eventId);
                return;
            }
            if (rs.getObject("present") == null) {
                broken = report(AuditChainReport.Problem.EVENT_MISSING, seq, eventId);
                return;
            }
            byte[] hash = rs.getBytes("hash");
            if (!Arrays.equals(sha256(previous, canonical(rs)), hash)) {
                broken = report(AuditChainReport.Problem.EVENT_CHANGED, seq, eventId);
                return;
            }
            previous = hash;
            expectedSeq++;
            checked++;
        }

        AuditChainReport report(AuditChainReport.Problem problem, Long seq, Long eventId) {
            return new AuditChainReport(
                    checked, problem, seq, eventId, HexFormat.of().formatHex(previous));
        }
    }

    /** The same text as V11's audit_event_canonical: each field's length in UTF-8 bytes, then the field. */
    static String canonical(ResultSet rs) throws SQLException {
        StringBuilder text = new StringBuilder(256)
                .append(rs.getLong("event_id"))
                .append(';')
                .append(rs.getLong("micros"))
                .append(';');
        for (String column : new String[] {
            "actor", "client_address", "action", "entity_type", "entity_id", "before_state", "after_state"
        }) {
            String value = rs.getString(column);
            if (value == null) {
                text.append("~;");
            } else {
                text.append(value.getBytes(StandardCharsets.UTF_8).length)
                        .append(':')
                        .append(value)
                        .append(';');
            }
        }
        return text.toString();
    }

    private static byte[] sha256(byte[] previous, String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(content.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
