package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalJpaTest;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueSource;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The report's values read as records ({@link AnnualReportRepository.StoredValue}, {@link AnnualReportRepository.PublishedValue}). */
@PortalJpaTest
class ReportValueProjectionTests {

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    EntityManager entityManager;

    @Test
    void aReportsValuesAreReadAsRecordsAndOnlyAnApprovedReportsAsPublished() {
        AnnualReport report = AnnualReport.open("530111", 2039, ReportingPeriods.legalDeadline(2039), Instant.now());
        report.enterTyped(AnnualReportRepositoryTests.STAFF, new BigDecimal("42"), "含协管人员", null, Instant.now());
        reports.save(report);
        entityManager.flush();

        assertThat(reports.entriesOf(report.getId()))
                .containsExactly(new AnnualReportRepository.StoredValue(
                        "ENF_STAFF", new BigDecimal("42.0000"), ValueSource.TYPED, "含协管人员"));
        assertThat(reports.entriesOf(report.getId()).get(0).entry())
                .isEqualTo(new ValueEntry(new BigDecimal("42.0000"), ValueSource.TYPED, "含协管人员"));
        assertThat(reports.publishedValuesOf("530111", 2039))
                .as("a draft is not published")
                .isEmpty();

        // approved as loaded by SQL, without a published version: its working values count
        entityManager
                .createNativeQuery(
                        "update annual_report set status = 'APPROVED', submitted_at = now(), approved_at = now() "
                                + "where id = :id")
                .setParameter("id", report.getId())
                .executeUpdate();

        assertThat(reports.publishedValuesOf("530111", 2039))
                .extracting(
                        AnnualReportRepository.PublishedValue::indicatorCode,
                        v -> v.value().stripTrailingZeros())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ENF_STAFF", new BigDecimal("42")));
        assertThat(reports.publishedValuesOf("530111", 2038)).isEmpty();
    }
}
