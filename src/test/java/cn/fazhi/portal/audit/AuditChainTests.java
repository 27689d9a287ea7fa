package cn.fazhi.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.internal.AuditChainReport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The audit log's hash chain (V11): every event is sealed at commit, the verifier recomputes the
 * chain in Java, and an event edited, deleted or slipped in behind the portal's back (as a
 * superuser with triggers off) is named as the first broken link. Each test puts the log back as
 * it was, so the shared database's chain stays whole for the others.
 */
@PortalTest
class AuditChainTests {

    @Autowired
    AuditService audit;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    private List<Long> ids;

    @BeforeEach
    void threeEvents() {
        asAdministrator();
        for (int i = 0; i < 3; i++) {
            audit.record("CHAIN_TEST", "Test", "chain-" + i, Map.of("n", i), Map.of("n", i + 1, "text", "县司法局"));
        }
        ids = jdbc.queryForList(
                "select id from (select id from audit_event where action = 'CHAIN_TEST'"
                        + " order by id desc limit 3) last order by id",
                Long.class);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyEventIsSealedAtCommitAndTheChainHolds() {
        AuditChainReport report = audit.verifyChain();
        assertThat(report.intact()).as("%s", report).isTrue();
        long events = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        assertThat(report.checked()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from audit_chain where event_id = any(?)", Long.class, (Object)
                        ids.toArray(Long[]::new)))
                .isEqualTo(3);
        assertThat(report.headHash())
                .hasSize(64)
                .isEqualTo(jdbc.queryForObject("select encode(hash, 'hex') from audit_chain_head", String.class));
    }

    @Test
    void anEditedEventIsTheFirstBrokenLinkUntilItIsPutBack() {
        long edited = ids.get(1);
        String original =
                jdbc.queryForObject("select after_state::text from audit_event where id = ?", String.class, edited);
        asSuperuserWithTriggersOff(
                db -> db.update("update audit_event set after_state = '{\"n\": 99}'::jsonb where id = ?", edited));
        try {
            AuditChainReport report = audit.verifyChain();
            assertThat(report.problem()).isEqualTo(AuditChainReport.Problem.EVENT_CHANGED);
            assertThat(report.brokenEventId()).isEqualTo(edited);
            assertThat(report.checked()).isEqualTo(report.brokenSeq() - 1);
        } finally {
            asSuperuserWithTriggersOff(
                    db -> db.update("update audit_event set after_state = ?::jsonb where id = ?", original, edited));
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void aDeletedEventAndAnEventWrittenAroundTheTriggersAreFound() {
        long deleted = ids.get(0);
        Map<String, Object> row = jdbc.queryForMap("select * from audit_event where id = ?", deleted);
        asSuperuserWithTriggersOff(db -> db.update("delete from audit_event where id = ?", deleted));
        try {
            AuditChainReport report = audit.verifyChain();
            assertThat(report.problem()).isEqualTo(AuditChainReport.Problem.EVENT_MISSING);
            assertThat(report.brokenEventId()).isEqualTo(deleted);
        } finally {
            asSuperuserWithTriggersOff(db -> db.update(
                    """
                    insert into audit_event (id, occurred_at, actor, client_address, action, entity_type, entity_id,
                                             before_state, after_state)
                    values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""",
                    row.get("id"),
                    row.get("occurred_at"),
                    row.get("actor"),
                    row.get("client_address"),
                    row.get("action"),
                    row.get("entity_type"),
                    row.get("entity_id"),
                    String.valueOf(row.get("before_state")),
                    String.valueOf(row.get("after_state"))));
        }
        assertThat(audit.verifyChain().intact()).as("%s", audit.verifyChain()).isTrue();

        long[] slipped = new long[1];
        asSuperuserWithTriggersOff(db -> slipped[0] = db.queryForObject(
                "insert into audit_event (action, entity_type) values ('SLIPPED_IN', 'Test') returning id",
                Long.class));
        try {
            AuditChainReport report = audit.verifyChain();
            assertThat(report.problem()).isEqualTo(AuditChainReport.Problem.UNSEALED);
            assertThat(report.brokenEventId()).isEqualTo(slipped[0]);
        } finally {
            asSuperuserWithTriggersOff(db -> db.update("delete from audit_event where id = ?", slipped[0]));
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToRewriteTheChain() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_chain"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("update audit_chain set hash = prev_hash where event_id = ?", ids.get(0)))
                .hasMessageContaining("append-only");
    }

    @Test
    void administratorsVerifyFromTheAuditPageAndNobodyElseMay() {
        var admin = TestUsers.demo(accounts, "demo-admin");
        var result = mvc.post()
                .uri("/admin/audit/verify")
                .with(user(admin))
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/admin/audit");
        assertThat(mvc.get()
                        .uri("/admin/audit")
                        .with(user(admin))
                        .flashAttr(
                                "chainReport",
                                result.getMvcResult().getFlashMap().get("chainReport")))
                .hasStatusOk()
                .bodyText()
                .contains("审计日志完整", "chain-report");

        SecurityContextHolder.clearContext();
        var reviewer = TestUsers.demo(accounts, "demo-reviewer");
        assertThat(mvc.post().uri("/admin/audit/verify").with(user(reviewer)).with(csrf()))
                .hasStatus(403);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(reviewer, null, reviewer.getAuthorities()));
        org.assertj.core.api.Assertions.assertThatThrownBy(audit::verifyChain)
                .isInstanceOf(AccessDeniedException.class);
    }

    private void asAdministrator() {
        var admin = TestUsers.demo(accounts, "demo-admin");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }

    /** What a superuser on the database server can do: statements with every trigger off, on one connection. */
    private void asSuperuserWithTriggersOff(Consumer<JdbcTemplate> statements) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            var single = new JdbcTemplate(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            single.execute("set session_replication_role = replica");
            try {
                statements.accept(single);
            } finally {
                single.execute("set session_replication_role = default");
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }
}
