package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhi.portal.PortalJpaTest;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.IllegalReportTransitionException;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

@PortalJpaTest
class AnnualReportRepositoryTests {

    static final IndicatorDef STAFF = new IndicatorDef(
            "ENF_STAFF",
            "ENFORCEMENT",
            1,
            "执法人员数",
            "Staff",
            "人",
            IndicatorKind.COUNT,
            Direction.NONE,
            null,
            null,
            null,
            null,
            null,
            2015,
            null,
            true);

    static final cn.fazhi.portal.catalog.Catalog CATALOG = new cn.fazhi.portal.catalog.Catalog(
            2031, java.util.List.of(), java.util.List.of(STAFF), java.util.List.of());

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    EntityManager entityManager;

    @Test
    void aReportKeepsItsValuesAndWorkflow() {
        AnnualReport report = AnnualReport.open("530102", 2030, ReportingPeriods.legalDeadline(2030), Instant.now());
        report.enterTyped(STAFF, new BigDecimal("120"), "含协管人员", null, Instant.now());
        report.submit(null, Instant.now());
        reports.save(report);
        entityManager.flush();
        entityManager.clear();

        AnnualReport loaded = reports.findByCountyCodeAndYear("530102", 2030).orElseThrow();
        assertThat(loaded.getStatus()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(loaded.getSubmissionDeadline()).isEqualTo(LocalDate.of(2031, 3, 1));
        assertThat(loaded.valueOf("ENF_STAFF")).contains(new BigDecimal("120.0000"));
        assertThat(loaded.valuesByCode().get("ENF_STAFF").getExplanation()).isEqualTo("含协管人员");
        assertThat(reports.findByCountyCodeAndStatusInOrderByYearDesc("530102", EnumSet.of(ReportStatus.SUBMITTED)))
                .extracting(AnnualReport::getYear)
                .contains(2030);
    }

    @Test
    void illegalMovesAreRefused() {
        AnnualReport report = AnnualReport.open("530102", 2031, ReportingPeriods.legalDeadline(2031), Instant.now());
        assertThatThrownBy(() -> report.approve(null, Instant.now(), null, CATALOG, null))
                .isInstanceOf(IllegalReportTransitionException.class);
        report.submit(null, Instant.now());
        assertThatThrownBy(() -> report.enterTyped(STAFF, BigDecimal.ONE, null, null, Instant.now()))
                .isInstanceOf(IllegalReportTransitionException.class);
        assertThatThrownBy(() -> report.returnForRevision(null, Instant.now(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        report.returnForRevision(null, Instant.now(), "请补充说明");
        report.submit(null, Instant.now());
        report.approve(null, Instant.now(), LocalDate.now(), CATALOG, null);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.APPROVED);
        assertThatThrownBy(() -> report.submit(null, Instant.now()))
                .isInstanceOf(IllegalReportTransitionException.class);
    }

    @Test
    void theDatabaseRefusesANegativeCountEvenIfTheCodeLetItThrough() {
        AnnualReport report = AnnualReport.open("530103", 2030, ReportingPeriods.legalDeadline(2030), Instant.now());
        report.enterTyped(STAFF, new BigDecimal("-3"), null, null, Instant.now());
        assertThatThrownBy(() -> {
                    reports.save(report);
                    entityManager.flush();
                })
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
