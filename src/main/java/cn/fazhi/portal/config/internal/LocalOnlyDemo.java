package cn.fazhi.portal.config.internal;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The default start (embedded database, demo profile by default) creates demo accounts whose
 * password is in the README. Such a portal listens on the loopback address only, unless the
 * user chose an address, a database or a profile themselves.
 */
public class LocalOnlyDemo implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean ownDatabase = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean ownProfile = environment.getActiveProfiles().length > 0
                || StringUtils.hasText(environment.getProperty("spring.profiles.active"));
        boolean ownAddress = environment.containsProperty("server.address");
        if (!ownDatabase && !ownProfile && !ownAddress) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("portal-local-only-demo", Map.of("server.address", "127.0.0.1")));
        }
    }

    @Override
    public int getOrder() {
        // after application.properties has been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
