package cn.fazhi.portal.config.internal;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that the database cannot be reached (it is down, restarting, or the
 * pool could not get a connection in time), as opposed to a fault of the request or the code.
 * Such a request answers 503 "暂时无法连接数据库" ({@link DatabaseOutagePages}).
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /** Anything in the chain of causes says the database was out of reach. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException among them
                    || t instanceof CannotCreateTransactionException
                    || t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || (t instanceof SQLException sql
                            && (isConnectionState(sql.getSQLState()) || isClosedByPool(sql)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's answer on a connection it closed because it broke (the server went away in the
     * middle of a transaction): it has no SQLSTATE, and it is what the rollback then throws, which
     * replaces the server's own error (57P01) in what reaches the page.
     */
    private static boolean isClosedByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * A connection could not be opened because of the server, not because the pool was busy: the
     * driver's failure is in the chain (Hikari's timeout carries the last one as its cause and
     * SQLSTATE, a busy pool's has neither).
     */
    public static boolean isConnectionFailure(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || (t instanceof SQLException sql && isConnectionState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class 08 (connection exception), and PostgreSQL's 57P01–57P03: the server is shutting down,
     * crashed, or cannot take connections yet (starting, recovering after a crash).
     */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("57P01")
                        || sqlState.equals("57P02")
                        || sqlState.equals("57P03"));
    }
}
