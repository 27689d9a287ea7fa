package cn.fazhi.portal.inspection;

import cn.fazhi.portal.config.HeavyRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Evidence files in and out, and the findings list's exports, bounded by the heavy-request limits. */
@Configuration(proxyBeanMethods = false)
class HeavyInspectionRoutes {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    HeavyRoute evidenceUpload() {
        return new HeavyRoute(HeavyRoute.Kind.EVIDENCE, PATHS.matcher(HttpMethod.POST, "/findings/*/evidence"));
    }

    @Bean
    HeavyRoute evidenceDownload() {
        return new HeavyRoute(HeavyRoute.Kind.EVIDENCE, PATHS.matcher(HttpMethod.GET, "/findings/*/evidence/*"));
    }

    @Bean
    HeavyRoute findingExports() {
        return new HeavyRoute(HeavyRoute.Kind.EXPORT, PATHS.matcher(HttpMethod.GET, "/findings.*"));
    }
}
