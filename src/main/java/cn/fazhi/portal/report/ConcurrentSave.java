package cn.fazhi.portal.report;

import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Recognises a save of a report that lost a race with another save of the same report: both read
 * the same version, and the second to commit finds the report's version moved
 * (optimistic locking) or, when both added the same value or figure first, the row already there
 * (one of the report tables' unique keys). Either way it is the conflict the version check
 * reports when the saves do not overlap, and is answered the same way.
 */
final class ConcurrentSave {

    /** PostgreSQL's names of the unique keys two first saves of one report can both hit. */
    private static final Set<String> REPORT_UNIQUE_KEYS = Set.of(
            "annual_report_county_code_year_key",
            "indicator_value_report_id_indicator_code_key",
            "custom_figure_report_id_section_code_name_key");

    private ConcurrentSave() {}

    static boolean lost(RuntimeException e) {
        if (e instanceof ReportConflictException
                || e instanceof ConcurrencyFailureException
                || e instanceof jakarta.persistence.OptimisticLockException
                || e instanceof org.hibernate.StaleStateException) {
            return true;
        }
        if (!(e instanceof DataIntegrityViolationException)) {
            return false;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && REPORT_UNIQUE_KEYS.contains(violation.getConstraintName().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
