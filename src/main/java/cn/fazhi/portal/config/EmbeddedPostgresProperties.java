package cn.fazhi.portal.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data when no {@code spring.datasource.url} is set.
 *
 * @param enabled start it at all when no other database is configured
 * @param dataDirectory relative to the working folder, so that data survives restarts
 * @param port 0 picks a free port; a fixed one lets {@code psql} connect
 */
@ConfigurationProperties("portal.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("0") int port) {
}
