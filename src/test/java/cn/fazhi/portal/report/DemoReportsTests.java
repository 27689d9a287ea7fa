package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ReportSummary;
import cn.fazhi.portal.report.internal.ReportView;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import cn.fazhi.portal.report.internal.ValueSource;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo profile's seed counties, read back through the report service as each kind of viewer would. */
@PortalTest
class DemoReportsTests {

    static final Viewer YUNNAN_REVIEWER = new Viewer(-1L, "reviewer", Role.REVIEWER, "530000");
    static final Viewer LUXI_CLERK = new Viewer(-2L, "clerk", Role.COUNTY_STAFF, "532527");
    static final Viewer HENAN_REVIEWER = new Viewer(-3L, "reviewer-henan", Role.REVIEWER, "410000");

    @Autowired
    ReportService reports;

    @Autowired
    RegionService regions;

    @Autowired
    CatalogService catalogs;

    @Autowired
    AnnualReportRepository repository;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void luxi2023RatesAreComputedFromTheirParts() {
        ReportView luxi = reports.find("532527", 2023, Viewer.ANONYMOUS).orElseThrow();
        assertThat(luxi.status()).isEqualTo(ReportStatus.APPROVED);
        assertRate(luxi, "CAP_LAWYER_COVERAGE", "70.8"); // 17 of 24 units
        assertRate(luxi, "DIS_MEDIATION_RATE", "96.0"); // 1,944 of 2,025 mediations
        assertRate(luxi, "OVS_HOTLINE_RATE", "97.5"); // 2,878 of 2,952 hotline cases
        assertThat(luxi.row("CAP_LAWYER_COVERAGE").orElseThrow().targetMet()).isTrue(); // target ≥ 60 %
        // stated without its parts: kept as the typed rate
        ValueRow appearance = luxi.row("DIS_APPEARANCE_RATE").orElseThrow();
        assertThat(appearance.source()).isEqualTo(ValueSource.TYPED);
        assertThat(appearance.display()).isEqualTo("91.0");
        assertThat(luxi.row("ENF_INSPECTIONS").orElseThrow().display()).isEqualTo("208,667");
        assertThat(luxi.measuresText()).isNotBlank();
    }

    @Test
    void theSeedCountiesHaveTheirReports() {
        assertThat(statusOf("532527", 2022)).isEqualTo(ReportStatus.APPROVED);
        assertThat(statusOf("530524", 2021)).isEqualTo(ReportStatus.APPROVED);
        assertThat(statusOf("410324", 2021)).isEqualTo(ReportStatus.APPROVED);
        assertThat(statusOf("150204", 2020)).isEqualTo(ReportStatus.APPROVED);
        assertThat(statusOf("530621", 2023)).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void anUnapprovedReportIsSeenOnlyWithinScope() {
        assertThat(reports.find("530621", 2023, Viewer.ANONYMOUS)).isEmpty();
        assertThat(reports.find("530621", 2023, LUXI_CLERK)).isEmpty();
        assertThat(reports.find("530621", 2023, HENAN_REVIEWER)).isEmpty();
        assertThat(reports.find("530621", 2023, YUNNAN_REVIEWER)).isPresent();

        var ludian = regions.findCounty("530621").orElseThrow();
        assertThat(reports.reportsOf(ludian, Viewer.ANONYMOUS)).isEmpty();
        assertThat(reports.reportsOf(ludian, YUNNAN_REVIEWER))
                .extracting(ReportSummary::year)
                .containsExactly(2023);
    }

    @Test
    void aZeroDenominatorIsNotApplicable() {
        // 五华区 2016: no supervision problem was found, so none could be rectified
        transaction.executeWithoutResult(s -> {
            if (!repository.existsByCountyCodeAndYear("530102", 2016)) {
                var catalog = catalogs.forYear(2016);
                AnnualReport report =
                        AnnualReport.open("530102", 2016, ReportingPeriods.legalDeadline(2016), Instant.now());
                report.enterTyped(
                        catalog.indicator("LEA_SUPERVISION_ISSUES").orElseThrow(),
                        BigDecimal.ZERO,
                        null,
                        null,
                        Instant.now());
                report.enterTyped(
                        catalog.indicator("LEA_ISSUES_RECTIFIED").orElseThrow(),
                        BigDecimal.ZERO,
                        null,
                        null,
                        Instant.now());
                report.recomputeRates(catalog, null, Instant.now());
                repository.save(report);
            }
        });
        ValueRow rate = reports.find("530102", 2016, YUNNAN_REVIEWER)
                .orElseThrow()
                .row("LEA_RECTIFICATION_RATE")
                .orElseThrow();
        assertThat(rate.notApplicable()).isTrue();
        assertThat(rate.value()).isNull();
        assertThat(rate.targetMet()).isNull();
    }

    private ReportStatus statusOf(String county, int year) {
        return reports.find(
                        county,
                        year,
                        YUNNAN_REVIEWER.scopeRegionCode().equals(county.substring(0, 2) + "0000")
                                ? YUNNAN_REVIEWER
                                : new Viewer(-9L, "admin", Role.ADMIN, null))
                .orElseThrow()
                .status();
    }

    private static void assertRate(ReportView report, String code, String expected) {
        ValueRow row = report.row(code).orElseThrow();
        assertThat(row.source()).as(code).isEqualTo(ValueSource.COMPUTED);
        assertThat(row.display()).as(code).isEqualTo(expected);
    }
}
