package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ValueEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two saves of one report really at the same time, not just started together: the test holds the
 * report's row locked while both saves read the same version and write, so that both are inside
 * their transactions, waiting, when it lets go. One is stored (302); the other loses on the
 * report's version at its commit — an optimistic-locking failure the portal did not see coming —
 * and gets 409 with the form and what it typed, never a 500. 梁河县 (533122) is this test's own
 * county.
 */
@PortalTest
class ConcurrentSaveInterleavedTests {

    private static final String COUNTY = "533122";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reportService;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    record Outcome(int status, String body, String typed) {}

    @Test
    void twoSavesInsideTheirTransactionsAtOnceGiveOneSaveAndOneConflictThatKeepsWhatWasTyped() throws Exception {
        PortalUser clerk = TestUsers.user(accounts, "interleaved-clerk-" + COUNTY, Role.COUNTY_STAFF, COUNTY);
        PortalUser colleague = TestUsers.user(accounts, "interleaved-clerk2-" + COUNTY, Role.COUNTY_STAFF, COUNTY);
        int year = reportService.reportingYear();
        reportService.openDraft(COUNTY, year, clerk.toViewer());
        // a first save, alone, so that the two below change a value that is there
        int first = version(year);
        assertThat(save(clerk, year, first, "7").getStatus()).isEqualTo(302);
        int version = version(year);
        assertThat(version).isNotEqualTo(first);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Outcome>> saves = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement(
                    "select id from annual_report where county_code = ? and year = ? for update")) {
                select.setString(1, COUNTY);
                select.setInt(2, year);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                }
            }
            for (PortalUser who : List.of(clerk, colleague)) {
                String typed = who == clerk ? "11" : "22";
                saves.add(pool.submit(() -> {
                    MockHttpServletResponse response = save(who, year, version, typed);
                    return new Outcome(response.getStatus(), response.getContentAsString(), typed);
                }));
            }
            // both saves read the same version and are now waiting on a lock inside their transactions
            assertThat(waitForWaitingTransactions(2))
                    .as("both saves waiting inside their transactions")
                    .isTrue();
            lock.commit();
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> save : saves) {
                outcomes.add(save.get(120, TimeUnit.SECONDS)); // an exception here would be a 500
            }
        } finally {
            pool.shutdownNow();
        }
        outcomes.sort(Comparator.comparingInt(Outcome::status));
        assertThat(outcomes).extracting(Outcome::status).containsExactly(302, 409);
        Outcome stored = outcomes.get(0);
        Outcome conflict = outcomes.get(1);
        assertThat(conflict.body()).contains("已被他人修改", "value=\"" + conflict.typed() + "\"");
        ValueEntry kept = transaction.execute(
                s -> reports.findByCountyCodeAndYear(COUNTY, year).orElseThrow().entry("LEA_PARTY_MEETINGS"));
        assertThat(kept.value()).isEqualByComparingTo(stored.typed());
    }

    private MockHttpServletResponse save(PortalUser who, int year, int version, String typed) throws Exception {
        return mvc.perform(post("/counties/" + COUNTY + "/reports/" + year + "/edit")
                        .with(csrf())
                        .with(user(who))
                        .param("section", "LEADERSHIP")
                        .param("version", Integer.toString(version))
                        .param("values[LEA_PARTY_MEETINGS]", typed))
                .andReturn()
                .getResponse();
    }

    private int version(int year) {
        return transaction.execute(
                s -> reports.findByCountyCodeAndYear(COUNTY, year).orElseThrow().getVersion());
    }

    /** Whether so many other connections of this database are waiting on a lock, within a minute. */
    private boolean waitForWaitingTransactions(int expected) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Integer waiting = jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock' and state = 'active'
                    """, Integer.class);
            if (waiting != null && waiting >= expected) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
