package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.IllegalReportTransitionException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** Which failures of a save are a lost race, answered as a conflict that keeps what was typed. */
class ConcurrentSaveRecognitionTests {

    @Test
    void theReportsVersionOrOneOfItsUniqueKeysIsALostRace() {
        assertThat(ConcurrentSave.lost(new ReportConflictException(3))).isTrue();
        assertThat(ConcurrentSave.lost(new ObjectOptimisticLockingFailureException(AnnualReport.class, 1L)))
                .isTrue();
        assertThat(ConcurrentSave.lost(new jakarta.persistence.OptimisticLockException("stale")))
                .isTrue();
        assertThat(ConcurrentSave.lost(new org.hibernate.StaleObjectStateException("AnnualReport", 1L)))
                .isTrue();
        assertThat(ConcurrentSave.lost(unique("indicator_value_report_id_indicator_code_key")))
                .isTrue();
        assertThat(ConcurrentSave.lost(unique("custom_figure_report_id_section_code_name_key")))
                .isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(ConcurrentSave.lost(unique("account_username_key"))).isFalse();
        assertThat(ConcurrentSave.lost(new DataIntegrityViolationException("check")))
                .isFalse();
        assertThat(ConcurrentSave.lost(new IllegalStateException("bug"))).isFalse();
        // a conflict too, but with the report's status, not with another save: the general 409
        assertThat(ConcurrentSave.lost(new IllegalReportTransitionException("edit", ReportStatus.APPROVED)))
                .isFalse();
    }

    private static DataIntegrityViolationException unique(String constraint) {
        return new DataIntegrityViolationException(
                "could not execute statement",
                new ConstraintViolationException(
                        "duplicate key",
                        new SQLException("duplicate key value violates unique constraint", "23505"),
                        constraint));
    }
}
