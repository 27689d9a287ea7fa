package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.dashboard.DashboardQueries.ProfileRow;
import cn.fazhi.portal.dashboard.DashboardService.TrendPoint;
import cn.fazhi.portal.report.ReportStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A county's trend tells a year the indicator was not in the catalogue from a year without data. */
class DashboardTrendTests {

    @Test
    void yearsOutsideTheCatalogueEditionAreNotGaps() {
        // in the catalogue 2018–2021; reports: 2017 (before the indicator), 2019 approved, 2020 a draft,
        // 2021 approved with a zero denominator
        IndicatorDef indicator = new IndicatorDef(
                "NEW_RATE",
                "CAPACITY",
                1,
                "新比率",
                "New rate",
                "%",
                IndicatorKind.RATE,
                Direction.UP,
                null,
                null,
                null,
                null,
                null,
                2018,
                2021,
                false);
        List<ProfileRow> reports = List.of(
                row(2017, ReportStatus.APPROVED, "5"),
                row(2019, ReportStatus.APPROVED, "40"),
                row(2020, ReportStatus.DRAFT, "45"),
                new ProfileRow(null, null, null, 2021, ReportStatus.APPROVED, null, null, null, true, true));
        List<TrendPoint> trend = DashboardService.trend(indicator, reports, Set.of(ReportStatus.APPROVED), 2016, 2022);
        assertThat(trend).extracting(TrendPoint::year).containsExactly(2016, 2017, 2018, 2019, 2020, 2021, 2022);
        assertThat(trend)
                .extracting(TrendPoint::inCatalogue)
                .containsExactly(false, false, true, true, true, true, false);
        assertThat(trend.get(3).value()).isEqualByComparingTo("40");
        assertThat(trend.get(4).reported()).as("a draft does not count").isFalse();
        assertThat(trend.get(5).notApplicable()).isTrue();
        assertThat(trend.get(5).value()).isNull();
    }

    private static ProfileRow row(int year, ReportStatus status, String value) {
        return new ProfileRow(null, null, null, year, status, null, null, new BigDecimal(value), true, false);
    }
}
