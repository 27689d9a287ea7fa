package cn.fazhi.portal.region;

import cn.fazhi.portal.config.HeavyRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The population table's upload and download, bounded by the portal's heavy-request limits. */
@Configuration(proxyBeanMethods = false)
class HeavyPopulationRoutes {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    HeavyRoute populationImport() {
        return new HeavyRoute(HeavyRoute.Kind.IMPORT, PATHS.matcher(HttpMethod.POST, "/admin/population"));
    }

    @Bean
    HeavyRoute populationExport() {
        return new HeavyRoute(HeavyRoute.Kind.EXPORT, PATHS.matcher(HttpMethod.GET, "/admin/population.csv"));
    }
}
