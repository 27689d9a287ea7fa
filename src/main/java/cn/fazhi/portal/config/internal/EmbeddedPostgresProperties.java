package cn.fazhi.portal.config.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data when no {@code spring.datasource.url} is set, and
 * how it is restarted when it dies.
 *
 * @param enabled start it at all when no other database is configured
 * @param dataDirectory relative to the working folder, so that data survives restarts
 * @param port 0 picks a free port; a fixed one lets {@code psql} connect
 * @param restartDelay how long after the server's death it is started again
 * @param maxRestarts at most this many restarts within {@code restartWindow}; then it stays down
 *        (health DOWN) until the portal is restarted
 * @param restartWindow see {@code maxRestarts}
 */
@ConfigurationProperties("portal.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("2s") Duration restartDelay,
        @DefaultValue("5") int maxRestarts,
        @DefaultValue("10m") Duration restartWindow) {

    EmbeddedPostgresServer.Supervision supervision() {
        return new EmbeddedPostgresServer.Supervision(restartDelay, maxRestarts, restartWindow);
    }
}
