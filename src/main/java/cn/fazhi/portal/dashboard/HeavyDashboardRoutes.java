package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.config.HeavyRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/** Every dashboard table's CSV and Excel export is a file built on request: bounded like all exports. */
@Configuration(proxyBeanMethods = false)
class HeavyDashboardRoutes {

    @Bean
    HeavyRoute dashboardExports() {
        return new HeavyRoute(
                HeavyRoute.Kind.EXPORT,
                new AndRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/dashboards/**"),
                        request -> request.getParameter("format") != null));
    }
}
