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
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Twenty saves of one report at the same moment (two clerks, or one clerk's tabs), all from the
 * same version of the page: one is stored, every other one gets the form back with a conflict
 * (409) and what it typed, and none gets a 500 — whether it lost on the report's version or on a
 * unique key, both racing to add the same value or custom figure first. 瑞丽市 (533102) is this
 * test's own county.
 */
@PortalTest
class ConcurrentSaveTests {

    private static final String COUNTY = "533102";
    private static final int SAVES = 20;

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
    AuditService audit;

    record Outcome(int status, String body, String typed) {}

    @Test
    void simultaneousSavesOfOneReportGiveOneWinnerAndConflictsThatKeepWhatWasTyped() throws Exception {
        PortalUser clerk = TestUsers.user(accounts, "concurrent-clerk-" + COUNTY, Role.COUNTY_STAFF, COUNTY);
        PortalUser colleague = TestUsers.user(accounts, "concurrent-clerk2-" + COUNTY, Role.COUNTY_STAFF, COUNTY);
        int year = reportService.reportingYear();
        reportService.openDraft(COUNTY, year, clerk.toViewer());
        Long reportId = transaction.execute(s -> report(year).getId());
        int acknowledged = 0;
        ExecutorService pool = Executors.newFixedThreadPool(SAVES);
        try {
            for (int round = 1; round <= 3; round++) {
                int version = transaction.execute(s -> report(year).getVersion());
                boolean first = transaction.execute(s -> report(year).entry("LEA_PARTY_MEETINGS")) == null;
                CyclicBarrier start = new CyclicBarrier(SAVES);
                List<Future<Outcome>> saves = new ArrayList<>();
                for (int i = 0; i < SAVES; i++) {
                    String typed = Integer.toString(round * 100 + i);
                    PortalUser who = i % 2 == 0 ? clerk : colleague;
                    // the first round also races on the custom figure's unique name
                    boolean withFigure = first;
                    saves.add(pool.submit(() -> {
                        MockHttpServletRequestBuilder request = post("/counties/" + COUNTY + "/reports/" + year
                                        + "/edit")
                                .with(csrf())
                                .with(user(who))
                                .param("section", "LEADERSHIP")
                                .param("version", Integer.toString(version))
                                .param("values[LEA_PARTY_MEETINGS]", typed);
                        if (withFigure) {
                            request.param("added.name", "并发测试数据")
                                    .param("added.unit", "次")
                                    .param("added.value", typed);
                        }
                        start.await(30, TimeUnit.SECONDS);
                        MockHttpServletResponse response =
                                mvc.perform(request).andReturn().getResponse();
                        return new Outcome(response.getStatus(), response.getContentAsString(), typed);
                    }));
                }
                List<Outcome> outcomes = new ArrayList<>();
                for (Future<Outcome> save : saves) {
                    outcomes.add(save.get(120, TimeUnit.SECONDS)); // an exception here is a 500
                }
                assertThat(outcomes).extracting(Outcome::status).allMatch(s -> s == 302 || s == 409);
                List<Outcome> stored =
                        outcomes.stream().filter(o -> o.status() == 302).toList();
                // all from one version: exactly one can be applied, and it is the one stored
                assertThat(stored).hasSize(1);
                acknowledged++;
                assertThat(transaction
                                .execute(s -> report(year).entry("LEA_PARTY_MEETINGS"))
                                .value())
                        .isEqualByComparingTo(stored.get(0).typed());
                for (Outcome conflict :
                        outcomes.stream().filter(o -> o.status() == 409).toList()) {
                    assertThat(conflict.body()).contains("已被他人修改", "value=\"" + conflict.typed() + "\"");
                }
                if (first) {
                    List<String> figures = transaction.execute(s -> report(year).customFiguresOf("LEADERSHIP").stream()
                            .map(f -> f.getValue().stripTrailingZeros().toPlainString())
                            .toList());
                    assertThat(figures).containsExactly(stored.get(0).typed());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // nothing of a losing save was written: one change per round in the value's history
        assertThat(audit.historyOf("IndicatorValue", reportId + "/LEA_PARTY_MEETINGS"))
                .hasSize(acknowledged);
    }

    private AnnualReport report(int year) {
        AnnualReport report = reports.findByCountyCodeAndYear(COUNTY, year).orElseThrow();
        report.getCustomFigures().size(); // read inside the transaction
        return report;
    }
}
