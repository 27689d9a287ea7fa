package cn.fazhi.portal.config.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily dump of the database (每日备份).
 *
 * @param directory where dumps go, relative to the working folder like the data directory
 * @param cron when the daily dump runs (Spring cron: second minute hour day month weekday)
 * @param zone the time zone of {@code cron}
 * @param keep how many dumps the daily job keeps in {@code directory}; older ones are deleted
 * @param daily run the daily dump at all; unset: yes with the embedded database, no with a server of
 *     your own (whose operator dumps it with PostgreSQL's own {@code pg_dump})
 */
@ConfigurationProperties("portal.backup")
public record BackupProperties(
        @DefaultValue("data/backups") Path directory,
        @DefaultValue("0 30 2 * * *") String cron,
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("14") int keep,
        Boolean daily) {}
