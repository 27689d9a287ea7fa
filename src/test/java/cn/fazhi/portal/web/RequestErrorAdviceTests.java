package cn.fazhi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.config.ConflictException;
import cn.fazhi.portal.config.ErrorPages;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.RuleRefusedException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** What the database's refusals become for the visitor: a conflict or a bad request, never a 500. */
class RequestErrorAdviceTests {

    private final RequestErrorAdvice advice = new RequestErrorAdvice();

    @Test
    void aLostRaceIsAConflictWithItsMessage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reports");
        MockHttpServletResponse response = new MockHttpServletResponse();
        advice.concurrentChange(new ObjectOptimisticLockingFailureException("AnnualReport", 1L), request, response);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(request.getAttribute(ErrorPages.MESSAGE)).isEqualTo("error.409.concurrent");

        response = new MockHttpServletResponse();
        advice.concurrentChange(new PessimisticLockingFailureException("deadlock"), request, response);
        assertThat(response.getStatus()).isEqualTo(409);

        // JPA's and Hibernate's own exceptions, where Spring did not translate them
        for (Exception stale :
                new Exception[] {new OptimisticLockException("stale"), new StaleObjectStateException("AnnualReport", 1L)
                }) {
            request = new MockHttpServletRequest("POST", "/reports");
            response = new MockHttpServletResponse();
            advice.concurrentChange(stale, request, response);
            assertThat(response.getStatus()).as(stale.toString()).isEqualTo(409);
            assertThat(request.getAttribute(ErrorPages.MESSAGE)).isEqualTo("error.409.concurrent");
        }
    }

    @Test
    void theDomainsRefusalsAreNotFoundConflictAndBadRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/counties/x");
        MockHttpServletResponse response = new MockHttpServletResponse();
        advice.notFound(new NotFoundException(), request, response);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(request.getAttribute(ErrorPages.MESSAGE)).isNull();

        request = new MockHttpServletRequest("POST", "/x");
        response = new MockHttpServletResponse();
        advice.conflict(new ConflictException("approved", "error.409.concurrent"), request, response);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(request.getAttribute(ErrorPages.MESSAGE)).isEqualTo("error.409.concurrent");

        response = new MockHttpServletResponse();
        advice.refused(new RuleRefusedException("no such section"), new MockHttpServletRequest("GET", "/x"), response);
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void aUniqueKeyHitByAConcurrentInsertIsAConflictAndAnyOtherRefusalABadRequest() throws Exception {
        assertThat(status(violation("23505", "annual_report_county_code_year_key")))
                .isEqualTo(409);
        assertThat(status(violation("23514", "annual_report_year_check"))).isEqualTo(400);
        assertThat(status(violation("23503", "custom_figure_section_code_fkey")))
                .isEqualTo(400);
        assertThat(status(new DataIntegrityViolationException(
                        "value too long", new SQLException("value too long for type character varying(20)", "22001"))))
                .isEqualTo(400);
    }

    private int status(DataIntegrityViolationException e) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        advice.refusedByDatabase(e, new MockHttpServletRequest("POST", "/x"), response);
        return response.getStatus();
    }

    /** As Spring translates Hibernate's exception: the driver's SQLException inside Hibernate's. */
    private static DataIntegrityViolationException violation(String sqlState, String constraint) {
        SQLException sql = new SQLException("violates " + constraint, sqlState);
        return new DataIntegrityViolationException(
                "could not execute statement",
                new ConstraintViolationException("could not execute statement", sql, constraint));
    }
}
