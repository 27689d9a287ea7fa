package cn.fazhi.portal.report;

import cn.fazhi.portal.config.HeavyRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The report's routes that parse or build files, bounded by the portal's heavy-request limits. */
@Configuration(proxyBeanMethods = false)
class HeavyReportRoutes {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    HeavyRoute reportImport() {
        return new HeavyRoute(HeavyRoute.Kind.IMPORT, PATHS.matcher(HttpMethod.POST, "/counties/*/reports/*/import"));
    }

    @Bean
    HeavyRoute reportWorkbook() {
        return new HeavyRoute(HeavyRoute.Kind.EXPORT, PATHS.matcher(HttpMethod.GET, "/counties/*/reports/*/report.*"));
    }

    /** The annual report as a Word file (issue 18). */
    @Bean
    HeavyRoute reportDocument() {
        return new HeavyRoute(
                HeavyRoute.Kind.EXPORT, PATHS.matcher(HttpMethod.GET, "/counties/*/reports/*/document.docx"));
    }
}
