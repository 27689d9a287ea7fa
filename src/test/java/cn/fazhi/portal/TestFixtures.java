package cn.fazhi.portal;

import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.report.ReportService;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data a full-context test sets up, made through the services as a user would: accounts of each
 * role and county-scoped reports. Every {@link PortalTest} may inject it.
 *
 * <p>Tests share one database and commit. A test that writes a county's report takes a county of its
 * own from {@link #freshCounty()} rather than naming one and hoping no other test names it too: the
 * county has no report and was given to no other test of this JVM.
 */
@TestComponent
public class TestFixtures {

    /**
     * 江西省: the fresh counties come from a province that neither the demo data nor any test names, so
     * that no test's data and no hand-picked county meet.
     */
    public static final String FRESH_PROVINCE = "360000";

    /** Handed out in this JVM (one database per JVM: see {@link TestDatabase}). */
    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final AccountService accounts;
    private final ReportService reports;
    private final JdbcTemplate jdbc;

    public TestFixtures(AccountService accounts, ReportService reports, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.reports = reports;
        this.jdbc = jdbc;
    }

    /** A county nobody else uses: no report of any year, and given to no other test. */
    public String freshCounty() {
        for (String county : jdbc.queryForList("""
                select code from region r where province_code = ? and level = 'COUNTY'
                and not exists (select 1 from annual_report a where a.county_code = r.code) order by code
                """, String.class, FRESH_PROVINCE)) {
            if (HANDED_OUT.add(county)) {
                return county;
            }
        }
        throw new IllegalStateException("Every county of " + FRESH_PROVINCE + " is used: take another province");
    }

    /** The county's clerk ({@code clerk-CODE}), created the first time. */
    public PortalUser clerkOf(String county) {
        return TestUsers.user(accounts, "clerk-" + county, Role.COUNTY_STAFF, county);
    }

    /** The county's clerk with a draft of the reporting year (opened if there is none yet). */
    public PortalUser clerkWithDraft(String county) {
        return clerkWithDraft(county, reports.reportingYear());
    }

    /** The county's clerk with a draft of that year (opened if there is none yet). */
    public PortalUser clerkWithDraft(String county, int year) {
        PortalUser clerk = clerkOf(county);
        reports.openDraft(county, year, clerk.toViewer());
        return clerk;
    }

    /** A reviewer of the region (a province or a prefecture), {@code reviewer-CODE}. */
    public PortalUser reviewerOf(String region) {
        return TestUsers.user(accounts, "reviewer-" + region, Role.REVIEWER, region);
    }

    /** An administrator of the tests' own ({@code admin-NAME}). */
    public PortalUser admin(String name) {
        return TestUsers.user(accounts, "admin-" + name, Role.ADMIN, null);
    }

    /** One of the demo accounts (demo-clerk, demo-reviewer, demo-admin). */
    public PortalUser demo(String username) {
        return TestUsers.demo(accounts, username);
    }

    public int reportingYear() {
        return reports.reportingYear();
    }
}
