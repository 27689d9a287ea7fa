package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.dashboard.DashboardQueries.ReportState;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusCount;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusRow;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.PublicationState;
import cn.fazhi.portal.report.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a county stands on the status board, decided from its report and the deadlines (the
 * counties and the reports themselves are read by the board's pages, DashboardPagesTests).
 */
class StatusBoardRowsTests {

    private static final RegionView ANNING =
            new RegionView("530181", "安宁市", RegionLevel.COUNTY, "530100", "530000", "530100");
    private static final RegionView JIYUAN =
            new RegionView("419001", "济源市", RegionLevel.COUNTY, "410000", "410000", null);
    private static final LocalDate DEADLINE = LocalDate.of(2025, 3, 1);
    private static final LocalDate PUBLISH_BY = LocalDate.of(2025, 4, 1);

    @Test
    void beforeTheDeadlineACountyHasNotStartedOrHasADraft() {
        LocalDate before = DEADLINE.minusDays(1);
        assertThat(row(null, before).status()).isEqualTo(BoardStatus.NOT_STARTED);
        StatusRow draft = row(new ReportState(ReportStatus.DRAFT, 40, null, null), before);
        assertThat(draft.status()).isEqualTo(BoardStatus.DRAFT);
        assertThat(draft.filled()).isEqualTo(40);
        assertThat(draft.total()).isEqualTo(112);
        assertThat(row(null, before).filled()).isNull();
    }

    @Test
    void onTheDeadlineDayNothingIsLateYetAndAfterItWhatWasNotSentIs() {
        assertThat(row(new ReportState(ReportStatus.DRAFT, 1, null, null), DEADLINE)
                        .status())
                .isEqualTo(BoardStatus.DRAFT);
        assertThat(row(null, DEADLINE.plusDays(1)).status()).isEqualTo(BoardStatus.LATE);
        assertThat(row(new ReportState(ReportStatus.DRAFT, 1, null, null), DEADLINE.plusDays(1))
                        .status())
                .isEqualTo(BoardStatus.LATE);
        for (ReportStatus sent : List.of(ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.APPROVED)) {
            assertThat(row(
                                    new ReportState(sent, 112, Instant.parse("2025-02-01T02:00:00Z"), null),
                                    DEADLINE.plusDays(1))
                            .status())
                    .isEqualTo(BoardStatus.valueOf(sent.name()));
        }
    }

    @Test
    void aReportsOwnExtensionReplacesTheYearsDeadline() {
        LocalDate extended = DEADLINE.plusDays(10);
        StatusRow row = row(new ReportState(ReportStatus.DRAFT, 5, null, extended), DEADLINE.plusDays(5));
        assertThat(row.status()).isEqualTo(BoardStatus.DRAFT);
        assertThat(row.deadline()).isEqualTo(extended);
    }

    @Test
    void submittedLateCountsTheDayInChinaTime() {
        // 1 March 2025 23:30 in Beijing is still the deadline day; 2 March 00:30 is late
        assertThat(row(
                                new ReportState(
                                        ReportStatus.SUBMITTED, 112, Instant.parse("2025-03-01T15:30:00Z"), null),
                                DEADLINE)
                        .submittedLate())
                .isFalse();
        assertThat(row(
                                new ReportState(
                                        ReportStatus.SUBMITTED, 112, Instant.parse("2025-03-01T16:30:00Z"), null),
                                DEADLINE)
                        .submittedLate())
                .isTrue();
    }

    @Test
    void aCountyDirectlyUnderItsProvinceIsCountedWithTheProvince() {
        StatusRow row = DashboardService.statusRow(JIYUAN, "河南省", null, DEADLINE, PUBLISH_BY, DEADLINE, 112);
        assertThat(row.groupCode()).isEqualTo("410000");
        StatusRow anning = row(null, DEADLINE);
        List<StatusCount> counts = DashboardService.countsOf(List.of(
                row,
                anning,
                DashboardService.statusRow(
                        JIYUAN,
                        "河南省",
                        new ReportState(ReportStatus.APPROVED, 112, null, null),
                        DEADLINE,
                        PUBLISH_BY,
                        DEADLINE,
                        112)));
        assertThat(counts).extracting(StatusCount::groupCode).containsExactly("410000", "530100", null);
        assertThat(counts.get(0)).isEqualTo(new StatusCount("410000", "河南省", 1, 0, 0, 0, 1, 0, 2));
        assertThat(counts.get(2)).isEqualTo(new StatusCount(null, null, 2, 0, 0, 0, 1, 0, 3));
    }

    @Test
    void publicationIsOnTimeUpToItsDeadlineLateAfterAndOverdueWithoutARecordOnceItPassed() {
        StatusRow none = row(new ReportState(ReportStatus.APPROVED, 112, null, null, null), PUBLISH_BY);
        assertThat(none.publication()).isEqualTo(PublicationState.UNPUBLISHED);
        assertThat(row(new ReportState(ReportStatus.APPROVED, 112, null, null, null), PUBLISH_BY.plusDays(1))
                        .publication())
                .isEqualTo(PublicationState.OVERDUE);
        assertThat(row(null, PUBLISH_BY.plusDays(1)).publication()).isEqualTo(PublicationState.OVERDUE);
        StatusRow onTime =
                row(new ReportState(ReportStatus.APPROVED, 112, null, null, PUBLISH_BY), PUBLISH_BY.plusDays(9));
        assertThat(onTime.publication()).isEqualTo(PublicationState.ON_TIME);
        assertThat(onTime.publishedOn()).isEqualTo(PUBLISH_BY);
        assertThat(row(
                                new ReportState(ReportStatus.RETURNED, 112, null, null, PUBLISH_BY.plusDays(1)),
                                PUBLISH_BY.plusDays(9))
                        .publication())
                .isEqualTo(PublicationState.LATE);
        List<DashboardQueries.PublicationCount> counts = DashboardService.publicationCountsOf(List.of(
                none,
                onTime,
                DashboardService.statusRow(JIYUAN, "河南省", null, DEADLINE, PUBLISH_BY, PUBLISH_BY.plusDays(1), 112)));
        assertThat(counts)
                .containsExactly(
                        new DashboardQueries.PublicationCount("530100", 1, 0, 1, 0),
                        new DashboardQueries.PublicationCount("410000", 0, 1, 0, 0),
                        new DashboardQueries.PublicationCount(null, 1, 1, 1, 0));
    }

    private static StatusRow row(ReportState report, LocalDate today) {
        return DashboardService.statusRow(ANNING, "昆明市", report, DEADLINE, PUBLISH_BY, today, 112);
    }
}
