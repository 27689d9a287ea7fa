package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhi.portal.config.internal.DatabaseOutage;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are outages, and how the pool fails fast during one and recovers after it. */
class FailFastDataSourceTests {

    /** A pool whose next answer the test sets. */
    private static final class Pool extends AbstractDataSource {
        final AtomicInteger asked = new AtomicInteger();
        volatile SQLException failure;

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> null);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    /** Hikari's timeout when it could not open a connection: the driver's failure as cause and SQLSTATE. */
    private static SQLException serverDown() {
        SQLException refused =
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException());
        return new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out", "08001", refused);
    }

    @Test
    void whileTheServerIsDownConnectionsAreRefusedAtOnceAndOneTryPerSecondGoesThrough() throws Exception {
        Pool pool = new Pool();
        AtomicLong now = new AtomicLong();
        FailFastDataSource dataSource = new FailFastDataSource(pool, now::get);
        assertThat(dataSource.getConnection()).isNotNull();

        pool.failure = serverDown();
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThat(dataSource.reachable()).isFalse();
        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("failing fast");
        assertThat(pool.asked).hasValue(2);

        pool.failure = null;
        now.addAndGet(FailFastDataSource.RETRY_INTERVAL.plusMillis(100).toNanos());
        assertThat(dataSource.getConnection()).isNotNull();
        assertThat(dataSource.reachable()).isTrue();
        assertThat(dataSource.getConnection()).isNotNull();
        assertThat(pool.asked).hasValue(4);
    }

    @Test
    void aBusyPoolIsNoOutage() throws Exception {
        Pool pool = new Pool();
        FailFastDataSource dataSource = new FailFastDataSource(pool);
        pool.failure = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, "
                + "request timed out after 3000ms (total=10, active=10, idle=0, waiting=3)");
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThat(dataSource.reachable()).isTrue();
        pool.failure = null;
        assertThat(dataSource.getConnection()).isNotNull();
    }

    @Test
    void outagesAreToldFromFaultsOfTheRequest() {
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection", serverDown())))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("Could not open JPA EntityManager")))
                .isTrue();
        // the server went away in the middle of a transaction, and the rollback failed on the closed connection
        assertThat(DatabaseOutage.isCause(new JpaSystemException(new RuntimeException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(
                        new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(
                        new RuntimeException(new SQLException("FATAL: the database system is starting up", "57P03"))))
                .isTrue();

        assertThat(DatabaseOutage.isCause(
                        new DataIntegrityViolationException("too long", new SQLException("value too long", "22001"))))
                .isFalse();
        assertThat(DatabaseOutage.isCause(new OptimisticLockingFailureException("stale")))
                .isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("bad input")))
                .isFalse();
    }
}
