package cn.fazhi.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.internal.AuditQuery;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PortalTest
class AuditLogPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @Test
    void administratorsFilterTheLogByActorActionEntityAndDays() {
        mvc.post()
                .uri("/login")
                .param("username", "audit-page-nobody")
                .param("password", "x")
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr("10.99.0.1");
                    return r;
                })
                .exchange();
        var admin = TestUsers.demo(accounts, "demo-admin");
        String today =
                LocalDate.now(cn.fazhi.portal.config.TimeConfiguration.CHINA).toString();
        assertThat(mvc.get()
                        .uri("/admin/audit?action=LOGIN_FAILURE&entityType=Account&from=" + today + "&to=" + today)
                        .with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("UNKNOWN_USERNAME", "10.99.0.1")
                // the text typed as a username is never kept (issue 16, L8)
                .doesNotContain("audit-page-nobody");
        assertThat(mvc.get()
                        .uri("/admin/audit?action=LOGIN_FAILURE&to=2000-01-01")
                        .with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("10.99.0.1")
                .contains("没有符合条件的记录");
        // a date that is no date is shown back with its error, and the rest of the filter still applies
        assertThat(mvc.get()
                        .uri("/admin/audit?action=LOGIN_FAILURE&from=2026-13-45")
                        .with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"2026-13-45\"", "from-error", "10.99.0.1");
    }

    @Test
    void theLogPagesNewestFirst() {
        var admin = TestUsers.demo(accounts, "demo-admin");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            for (int i = 0; i < 3; i++) {
                audit.record("PAGING_TEST", "Test", "paging", null, java.util.Map.of("n", i));
            }
            var page = audit.search(new AuditQuery(null, "Test", "PAGING_TEST", null, null), PageRequest.of(0, 2));
            assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(3);
            assertThat(page.getContent()).hasSize(2);
            assertThat(page.getContent().get(0).afterState()).contains("2");
            assertThat(page.getContent().get(0).actor()).isEqualTo("demo-admin");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void onlyAdministratorsReadIt() {
        assertThat(mvc.get().uri("/admin/audit").with(user(TestUsers.demo(accounts, "demo-reviewer"))))
                .hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> audit.search(AuditQuery.none(), PageRequest.of(0, 5)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
