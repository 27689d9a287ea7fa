package cn.fazhi.portal.web;

import cn.fazhi.portal.config.ConflictException;
import cn.fazhi.portal.config.ErrorPages;
import cn.fazhi.portal.config.FieldInputException;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.RuleRefusedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.hibernate.StaleStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The one place where a refusal becomes an HTTP status, on every page. The domain's own refusals
 * ({@link cn.fazhi.portal.config.DomainException}): nothing there or nothing the viewer may know of
 * (404), a state that does not allow the step (409), a rule refused (400). Not being allowed stays
 * with Spring Security (the login page, or 403), which this advice leaves alone.
 *
 * <p>And what a request that the database refuses gets: two people changing the same
 * thing at once (a stale version, or two first inserts of one row racing on a unique key) is a
 * conflict (409, "changed by someone else, reload and try again"); any other refusal by the
 * database's own checks (a length, a range, a reference) means the request carried something
 * the page never offers, and is a bad request (400). Neither is a failure of the server.
 *
 * <p>Pages that can do better handle these themselves first (the report form answers a lost save
 * with its own 409: the form with everything typed still in it). Ordered ahead of other advice so that a broader handler of
 * database errors (outages are 503) does not take these two.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(RequestErrorAdvice.class);

    /** PostgreSQL's SQLSTATE for a unique-key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorPages.send(request, response, HttpServletResponse.SC_NOT_FOUND, e.messageKey());
    }

    @ExceptionHandler(ConflictException.class)
    void conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.info("Refused with 409 on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ErrorPages.send(request, response, HttpServletResponse.SC_CONFLICT, e.messageKey());
    }

    @ExceptionHandler(RuleRefusedException.class)
    void refused(RuleRefusedException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.info("Refused with 400 on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        // a field's message speaks of its field (and may need arguments): the page's general text fits better
        ErrorPages.send(
                request,
                response,
                HttpServletResponse.SC_BAD_REQUEST,
                e instanceof FieldInputException ? null : e.messageKey());
    }

    /**
     * A stale version found at the flush or the commit: Spring translates Hibernate's and JPA's
     * exceptions into {@link ConcurrencyFailureException}s (ObjectOptimisticLockingFailureException)
     * where it sees them, and the untranslated ones (thrown outside a repository, or wrapped) are
     * the same conflict.
     */
    @ExceptionHandler({ConcurrencyFailureException.class, OptimisticLockException.class, StaleStateException.class})
    void concurrentChange(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.info(
                "Concurrent change refused with 409 on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMessage());
        ErrorPages.send(request, response, HttpServletResponse.SC_CONFLICT, "error.409.concurrent");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    void refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (isUniqueViolation(e)) {
            log.info(
                    "Concurrent insert refused with 409 on {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMostSpecificCause().getMessage());
            ErrorPages.send(request, response, HttpServletResponse.SC_CONFLICT, "error.409.concurrent");
            return;
        }
        // a check the page should have made before the database did: worth a line in the log
        log.warn(
                "Request refused by a database constraint with 400 on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
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
