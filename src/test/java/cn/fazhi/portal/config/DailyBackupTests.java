package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.config.internal.BackupDirectory;
import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The daily dump is on by default with the embedded database and off with a server of one's own;
 * it keeps the configured number of dumps. It only reads the tests' shared database.
 */
class DailyBackupTests {

    @TempDir
    Path folder;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(BackupConfiguration.class, DailyBackup.class)
            .withBean(DataSource.class, DailyBackupTests::sharedTestDatabase);

    @Test
    void onWithTheEmbeddedDatabaseKeepingTheNewestDumps() {
        runner.withBean(EmbeddedPostgresServer.class, EmbeddedPostgresServer::ephemeral)
                .withPropertyValues("portal.backup.directory=" + folder, "portal.backup.keep=2")
                .run(context -> {
                    DailyBackup daily = context.getBean(DailyBackup.class);
                    assertThat(daily.enabled()).isTrue();
                    for (int i = 0; i < 3; i++) {
                        daily.daily();
                    }
                    assertThat(new BackupDirectory(folder).dumps()).hasSize(2);
                });
    }

    @Test
    void offWithAServerOfYourOwnUnlessAskedFor() {
        runner.withPropertyValues("portal.backup.directory=" + folder).run(context -> {
            DailyBackup daily = context.getBean(DailyBackup.class);
            assertThat(daily.enabled()).isFalse();
            daily.daily();
            assertThat(new BackupDirectory(folder).dumps()).isEmpty();
        });
        runner.withPropertyValues("portal.backup.directory=" + folder, "portal.backup.daily=true")
                .run(context ->
                        assertThat(context.getBean(DailyBackup.class).enabled()).isTrue());
    }

    private static DataSource sharedTestDatabase() {
        JdbcConnectionDetails details = EmbeddedPostgresServer.ephemeral().connectionDetails();
        return new DriverManagerDataSource(details.getJdbcUrl(), details.getUsername(), details.getPassword());
    }
}
