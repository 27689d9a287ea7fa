package cn.fazhi.portal.config.internal;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The portal's default database: with no {@code spring.datasource.url} (and no connection
 * details from elsewhere, such as a test container) a real PostgreSQL is started and handed to
 * Boot as connection details, so that Hikari, Flyway and JPA are configured the usual way.
 * Its health ({@code embeddedPostgres}) says whether its postmaster runs.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(name = "portal.embedded-postgres.enabled", matchIfMissing = true)
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    @Bean
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
        return EmbeddedPostgresServer.persistent(
                properties.dataDirectory(), properties.port(), properties.supervision());
    }

    /** DOWN while the server is being restarted, or after supervision gave up. Answers at once. */
    @Bean
    HealthIndicator embeddedPostgresHealthIndicator(EmbeddedPostgresServer server) {
        return () -> (server.running() ? Health.up() : Health.down())
                .withDetail("state", server.state().name())
                .build();
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
        return server.connectionDetails();
    }
}
