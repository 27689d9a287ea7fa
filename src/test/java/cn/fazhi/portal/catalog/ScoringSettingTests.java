package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The coverage threshold per year (排名覆盖率门槛) an administrator sets at {@code /admin/scoring}:
 * typed as a percentage, stored as the fraction the dashboards read, audited. On 2099, a year nobody
 * reports, and removed again at the end.
 */
@PortalTest
class ScoringSettingTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aYearShowsTheDefaultUntilAThresholdIsSetAsAPercentage() {
        PortalUser admin = TestUsers.user(accounts, "scoring-admin", Role.ADMIN, null);
        try {
            // the years around the reporting year are listed with the default
            assertThat(mvc.get().uri("/admin/scoring").with(user(admin)))
                    .hasStatusOk()
                    .bodyText()
                    .contains("id=\"scoring-form\"", "66.7 %", "默认");

            // a fraction where the percentage belongs, words, over 100, two decimals: the message by the field
            for (String typed : List.of("0.667", "abc", "150", "66.67", "0")) {
                MvcTestResult refused = post(admin, Map.of("year", "2099", "threshold", typed));
                assertThat(refused)
                        .as(typed)
                        .hasStatusOk()
                        .bodyText()
                        .contains("value=\"" + typed + "\"", "id=\"threshold-error\"", "不是 0.667");
            }
            assertThat(post(admin, Map.of("year", "20x9", "threshold", "70")))
                    .hasStatusOk()
                    .bodyText()
                    .contains("id=\"year-error\"", "请填写 2015 至 2100 之间的年度", "value=\"70\"");
            assertThat(stored()).isNull();

            assertThat(post(admin, Map.of("year", "2099", "threshold", "75")))
                    .hasStatus(HttpStatus.FOUND)
                    .flash()
                    .containsEntry("flash", "scoringAdmin.saved");
            assertThat(stored()).isEqualByComparingTo("0.750");
            assertThat(jdbc.queryForObject("select updated_by from scoring_setting where year = 2099", String.class))
                    .isEqualTo("scoring-admin");
            assertThat(mvc.get().uri("/admin/scoring").with(user(admin)))
                    .hasStatusOk()
                    .bodyText()
                    .containsPattern("id=\"threshold-2099\"(?s:(?!</tr>).)*75 %(?s:(?!</tr>).)*scoring-admin");
            assertThat(mvc.get().uri("/admin/scoring?year=2099").with(user(admin)))
                    .bodyText()
                    .containsPattern("name=\"threshold\"[^>]*value=\"75\"");

            // full-width digits and a per-cent sign, as typed on a Chinese keyboard
            assertThat(post(admin, Map.of("year", "2099", "threshold", "６６．７％")))
                    .hasStatus(HttpStatus.FOUND);
            assertThat(stored()).isEqualByComparingTo("0.667");

            // blank: the year's own is removed and the default applies again
            assertThat(post(admin, Map.of("year", "2099", "threshold", ""))).hasStatus(HttpStatus.FOUND);
            assertThat(stored()).isNull();
            assertThat(audit.historyOf("ScoringSetting", "2099"))
                    .extracting(AuditEntry::action)
                    .containsExactly("COVERAGE_THRESHOLD_SET", "COVERAGE_THRESHOLD_SET", "COVERAGE_THRESHOLD_SET");
            assertThat(audit.historyOf("ScoringSetting", "2099").get(1).afterState())
                    .contains("\"percent\": \"66.7\"");
        } finally {
            jdbc.update("delete from scoring_setting where year = 2099");
        }
    }

    @Test
    void onlyAnAdministratorSeesOrSetsTheThreshold() {
        for (PortalUser other :
                List.of(TestUsers.demo(accounts, "demo-reviewer"), TestUsers.demo(accounts, "demo-clerk"))) {
            assertThat(mvc.get().uri("/admin/scoring").with(user(other))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(post(other, Map.of("year", "2099", "threshold", "50"))).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(stored()).isNull();
    }

    private BigDecimal stored() {
        return jdbc.query(
                "select coverage_threshold from scoring_setting where year = 2099",
                rs -> rs.next() ? rs.getBigDecimal(1) : null);
    }

    private MvcTestResult post(PortalUser user, Map<String, String> params) {
        var request = mvc.post().uri("/admin/scoring").with(csrf()).with(user(user));
        params.forEach(request::param);
        return request.exchange();
    }
}
