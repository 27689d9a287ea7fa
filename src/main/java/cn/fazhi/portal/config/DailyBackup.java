package cn.fazhi.portal.config;

import cn.fazhi.portal.config.internal.BackupDirectory;
import cn.fazhi.portal.config.internal.BackupProperties;
import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily dump of the database (每日自动备份) into {@code portal.backup.directory}, keeping the
 * newest {@code portal.backup.keep}. On by default with the embedded database, whose data would
 * otherwise live in one folder with no copy; off with a server of your own.
 *
 * <p>A portal that is not running at the scheduled hour (a desktop switched off at night) catches up:
 * once an hour it checks whether the newest dump is more than a day old. Never two dumps at once:
 * {@link BackupDirectory} locks the folder against other processes, and a second call here while one
 * runs returns at once.
 */
@Component
class DailyBackup {

    private static final Logger log = LoggerFactory.getLogger(DailyBackup.class);
    private static final Duration OVERDUE = Duration.ofHours(25);

    private final DataSource dataSource;
    private final BackupProperties properties;
    private final BackupDirectory directory;
    private final boolean enabled;
    private final ReentrantLock running = new ReentrantLock();

    DailyBackup(DataSource dataSource, BackupProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.directory = new BackupDirectory(properties.directory());
        this.enabled = properties.daily() != null ? properties.daily() : embedded.getIfAvailable() != null;
        if (enabled) {
            log.info(
                    "Daily database dump at '{}' ({}) into {}, keeping {}",
                    properties.cron(),
                    properties.zone(),
                    directory.path(),
                    properties.keep());
        }
    }

    boolean enabled() {
        return enabled;
    }

    @Scheduled(cron = "${portal.backup.cron:0 30 2 * * *}", zone = "${portal.backup.zone:Asia/Shanghai}")
    void daily() {
        if (enabled) {
            backupNow();
        }
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void catchUp() {
        if (enabled && overdue()) {
            log.info("The newest dump in {} is more than a day old: dumping now", directory.path());
            backupNow();
        }
    }

    /** One dump now, unless one is running already; failures are logged, never thrown at the scheduler. */
    Optional<BackupDirectory.Written> backupNow() {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            BackupDirectory.Written written = directory.write(dataSource::getConnection, properties.keep());
            log.info(
                    "Database dump written: {} ({} tables, {} rows, schema version {})",
                    written.file(),
                    written.manifest().tables().size(),
                    written.manifest().totalRows(),
                    written.manifest().flywayVersion());
            return Optional.of(written);
        } catch (BackupDirectory.BackupInProgressException e) {
            log.warn(e.getMessage());
            return Optional.empty();
        } catch (Exception e) {
            log.error("The database dump into {} failed", directory.path(), e);
            return Optional.empty();
        } finally {
            running.unlock();
        }
    }

    private boolean overdue() {
        try {
            List<Path> dumps = directory.dumps();
            return dumps.isEmpty()
                    || Files.getLastModifiedTime(dumps.get(dumps.size() - 1))
                            .toInstant()
                            .isBefore(Instant.now().minus(OVERDUE));
        } catch (IOException e) {
            return true;
        }
    }
}
