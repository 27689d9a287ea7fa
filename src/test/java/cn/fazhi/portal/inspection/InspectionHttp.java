package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.account.PortalUser;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Recording inspections and findings over HTTP, as a reviewer's browser does, for the tests. */
final class InspectionHttp {

    private final MockMvcTester mvc;

    InspectionHttp(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    long record(PortalUser reviewer, String county, String body) {
        MvcTestResult result = mvc.post()
                .uri("/inspections")
                .with(csrf())
                .with(user(reviewer))
                .param("county", county)
                .param("kind", "SPECIAL")
                .param("year", "2026")
                .param("startedOn", "2026-05-10")
                .param("endedOn", "2026-05-12")
                .param("inspectingBody", body)
                .param("inspectors", "张三、李四")
                .param("summary", "专项督察行政执法")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND);
        return idAfter(result, "/inspections/");
    }

    long addFinding(PortalUser reviewer, long inspection, String description, LocalDate deadline) {
        MvcTestResult result = mvc.post()
                .uri("/inspections/" + inspection + "/findings")
                .with(csrf())
                .with(user(reviewer))
                .param("description", description)
                .param("severity", "MODERATE")
                .param("section", "")
                .param("indicator", "")
                .param("deadline", deadline.toString())
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND);
        return idAfter(result, "#finding-");
    }

    MvcTestResult reply(PortalUser clerk, long finding, int version, String text, String rectifiedOn) {
        return mvc.post()
                .uri("/findings/" + finding + "/reply")
                .with(csrf())
                .with(user(clerk))
                .param("reply", text)
                .param("rectifiedOn", rectifiedOn)
                .param("version", Integer.toString(version))
                .exchange();
    }

    MvcTestResult accept(PortalUser reviewer, long finding, int version) {
        return mvc.post()
                .uri("/findings/" + finding + "/accept")
                .with(csrf())
                .with(user(reviewer))
                .param("version", Integer.toString(version))
                .exchange();
    }

    MvcTestResult sendBack(PortalUser reviewer, long finding, int version, String comment) {
        return mvc.post()
                .uri("/findings/" + finding + "/return")
                .with(csrf())
                .with(user(reviewer))
                .param("comment", comment)
                .param("version", Integer.toString(version))
                .exchange();
    }

    private static long idAfter(MvcTestResult result, String marker) {
        String url = result.getResponse().getRedirectedUrl();
        assertThat(url).contains(marker);
        String rest = url.substring(url.indexOf(marker) + marker.length());
        return Long.parseLong(rest.replaceAll("\\D.*$", ""));
    }
}
