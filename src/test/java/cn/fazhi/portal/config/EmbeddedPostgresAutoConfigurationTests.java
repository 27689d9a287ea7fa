package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.config.internal.EmbeddedPostgresAutoConfiguration;
import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import cn.fazhi.portal.config.internal.PostgresConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the portal starts its own PostgreSQL, and when it leaves the database to the user. */
class EmbeddedPostgresAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));

    @TempDir
    Path folder;

    @Test
    void noDatabaseConfiguredStartsTheEmbeddedServerInTheDataDirectory() {
        runner.withPropertyValues("portal.embedded-postgres.data-directory=" + folder.resolve("pg"))
                .run(context -> {
                    EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
                    try {
                        assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                                .startsWith("jdbc:postgresql://127.0.0.1:" + server.port() + "/");
                        assertThat(context.getBean(JdbcConnectionDetails.class).getPassword())
                                .isEqualTo(Files.readString(folder.resolve("pg").resolve("portal-db-password"))
                                        .trim());
                        assertThat(folder.resolve("pg").resolve("PG_VERSION")).exists();
                        assertThat(context.getBean("embeddedPostgresHealthIndicator", HealthIndicator.class)
                                        .health(false)
                                        .getStatus())
                                .isEqualTo(Status.UP);
                    } finally {
                        server.stop();
                    }
                });
    }

    @Test
    void aConfiguredServerMeansNothingIsEmbedded() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/portal")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(EmbeddedPostgresServer.class)
                        .doesNotHaveBean(JdbcConnectionDetails.class));
    }

    @Test
    void otherConnectionDetailsWin() {
        JdbcConnectionDetails container =
                new PostgresConnection("jdbc:postgresql://container:5432/test", "test", "test");
        runner.withBean(JdbcConnectionDetails.class, () -> container)
                .run(context -> assertThat(context)
                        .doesNotHaveBean(EmbeddedPostgresServer.class)
                        .getBean(JdbcConnectionDetails.class)
                        .isSameAs(container));
    }

    @Test
    void itCanBeSwitchedOff() {
        runner.withPropertyValues("portal.embedded-postgres.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class));
    }

    @Test
    void demoDataGoesIntoAnExternalDatabaseOnlyWhenAsked() {
        // as in application.properties: demo is the default profile, not an active one
        ApplicationContextRunner demo = new ApplicationContextRunner()
                .withBean(DemoMode.class)
                .withPropertyValues("spring.profiles.default=demo");
        demo.run(
                context -> assertThat(context.getBean(DemoMode.class).enabled()).isFalse());
        demo.withBean(EmbeddedPostgresServer.class, EmbeddedPostgresServer::ephemeral)
                .run(context ->
                        assertThat(context.getBean(DemoMode.class).enabled()).isTrue());
        demo.withPropertyValues("spring.profiles.active=demo")
                .run(context ->
                        assertThat(context.getBean(DemoMode.class).enabled()).isTrue());
    }
}
