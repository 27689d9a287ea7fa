package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the dashboard tests over 四川省 share: the synthetic reports of {@link DashboardTestData},
 * its 150 counties, and a reviewer of the province.
 */
abstract class SichuanDashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    PortalUser reviewer;
    List<String> counties;

    @BeforeEach
    void sichuan() {
        DashboardTestData.load(jdbc);
        counties = DashboardTestData.counties(jdbc);
        reviewer = TestUsers.user(accounts, "dash-reviewer-sichuan", Role.REVIEWER, DashboardTestData.PROVINCE);
    }
}
