package cn.fazhi.portal.config;

import cn.fazhi.portal.config.internal.DatabaseOutage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, refusing at once while the database is known to be out of reach. Without it every
 * request would wait the pool's whole connection timeout (a login, which needs the database twice,
 * twice over), and hold a server thread meanwhile. Once a connection could not be opened because
 * of the server, further requests fail immediately; one request at a time, every
 * {@link #RETRY_INTERVAL}, tries the pool again, and the first that gets a connection ends it.
 */
final class FailFastDataSource extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(FailFastDataSource.class);
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final AtomicBoolean trying = new AtomicBoolean();
    private volatile boolean unreachable;
    private volatile long unreachableSince;
    /** Nanoseconds, as {@link System#nanoTime()}: a test moves its own instead of waiting the interval out. */
    private final LongSupplier nanoTime;

    FailFastDataSource(DataSource pool) {
        this(pool, System::nanoTime);
    }

    FailFastDataSource(DataSource pool, LongSupplier nanoTime) {
        super(pool);
        this.nanoTime = nanoTime;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guarded(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guarded(username, password);
    }

    /** False from a failed connection until one succeeds again. */
    boolean reachable() {
        return !unreachable;
    }

    private Connection guarded(String username, String password) throws SQLException {
        boolean retry = false;
        if (unreachable) {
            if (nanoTime.getAsLong() - unreachableSince < RETRY_INTERVAL.toNanos()
                    || !trying.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException("The database is out of reach (failing fast)", "08001");
            }
            retry = true;
        }
        try {
            Connection connection = username == null ? super.getConnection() : super.getConnection(username, password);
            if (unreachable) {
                unreachable = false;
                log.info("The database can be reached again");
            }
            return connection;
        } catch (SQLException e) {
            if (DatabaseOutage.isConnectionFailure(e)) {
                if (!unreachable) {
                    log.warn(
                            "The database is out of reach ({}); refusing requests that need it until it answers again",
                            e.getMessage());
                }
                unreachableSince = nanoTime.getAsLong();
                unreachable = true;
            }
            throw e;
        } finally {
            if (retry) {
                trying.set(false);
            }
        }
    }
}
