package cn.fazhi.portal.web;

import cn.fazhi.portal.config.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a request that the database refuses gets, on every page: two people changing the same
 * thing at once (a stale version, or two first inserts of one row racing on a unique key) is a
 * conflict (409, "changed by someone else, reload and try again"); any other refusal by the
 * database's own checks (a length, a range, a reference) means the request carried something
 * the page never offers, and is a bad request (400). Neither is a failure of the server.
 *
 * <p>Pages that can do better handle these themselves first (the report form shows the conflict
 * with everything typed still in it). Ordered ahead of other advice so that a broader handler of
 * database errors (outages are 503) does not take these two.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(RequestErrorAdvice.class);

    /** PostgreSQL's SQLSTATE for a unique-key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @ExceptionHandler(ConcurrencyFailureException.class)
    void concurrentChange(ConcurrencyFailureException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.info("Concurrent change refused with 409 on {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
        ErrorPages.send(request, response, HttpServletResponse.SC_CONFLICT, "error.409.concurrent");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    void refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (isUniqueViolation(e)) {
            log.info("Concurrent insert refused with 409 on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMostSpecificCause().getMessage());
            ErrorPages.send(request, response, HttpServletResponse.SC_CONFLICT, "error.409.concurrent");
            return;
        }
        // a check the page should have made before the database did: worth a line in the log
        log.warn("Request refused by a database constraint with 400 on {} {}: {}", request.getMethod(),
                request.getRequestURI(), e.getMostSpecificCause().getMessage());
        ErrorPages.send(request, response, HttpServletResponse.SC_BAD_REQUEST, null);
    }

    /**
     * A unique key hit by a row that was not there when the request checked: the application looks
     * for an existing row before inserting one everywhere, so it is always someone else's insert
     * that got there first.
     */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
