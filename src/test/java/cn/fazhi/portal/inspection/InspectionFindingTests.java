package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhi.portal.config.TimeConfiguration;
import cn.fazhi.portal.inspection.internal.FindingSeverity;
import cn.fazhi.portal.inspection.internal.FindingStatus;
import cn.fazhi.portal.inspection.internal.IllegalFindingTransitionException;
import cn.fazhi.portal.inspection.internal.Inspection;
import cn.fazhi.portal.inspection.internal.InspectionFinding;
import cn.fazhi.portal.inspection.internal.InspectionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A finding's life and its overdue standing, on the aggregate alone. */
class InspectionFindingTests {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 1);
    private static final Instant T = Instant.parse("2026-02-20T02:00:00Z");

    private static InspectionFinding finding() {
        Inspection inspection = new Inspection(
                "530402",
                2026,
                InspectionKind.SPECIAL,
                LocalDate.of(2026, 1, 10),
                null,
                "玉溪市委依法治市办",
                null,
                null,
                null,
                T);
        return inspection.addFinding("行政执法案卷不规范", FindingSeverity.MODERATE, null, null, DEADLINE);
    }

    /** Today as the portal's clock says it at this instant: China's date. */
    private static LocalDate chinaDateAt(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), TimeConfiguration.CHINA));
    }

    @Test
    void overdueStartsWithTheFirstDayAfterTheDeadlineInChina() {
        InspectionFinding f = finding();
        // 23:59:59 on 1 March in Beijing is still the deadline day, though it is 15:59 UTC
        assertThat(f.isOverdueOn(chinaDateAt("2026-03-01T15:59:59Z"))).isFalse();
        assertThat(f.daysLeftOn(chinaDateAt("2026-03-01T15:59:59Z"))).isZero();
        // midnight in Beijing is 16:00 UTC of the same day: 2 March has begun there
        assertThat(f.isOverdueOn(chinaDateAt("2026-03-01T16:00:00Z"))).isTrue();
        assertThat(f.daysLeftOn(chinaDateAt("2026-03-01T16:00:00Z"))).isEqualTo(-1);
        // the day before, and UTC's view of the deadline day's early hours
        assertThat(f.isOverdueOn(chinaDateAt("2026-02-28T16:00:00Z"))).isFalse();
        assertThat(f.daysLeftOn(LocalDate.of(2026, 2, 27))).isEqualTo(2);
    }

    @Test
    void aClosedFindingIsNeverOverdue() {
        InspectionFinding f = finding();
        f.reply("已整改", LocalDate.of(2026, 3, 5), 1L, T);
        assertThat(f.isOverdueOn(LocalDate.of(2026, 3, 6))).isTrue();
        f.accept(2L, T.plusSeconds(60));
        assertThat(f.isOverdueOn(LocalDate.of(2026, 3, 6))).isFalse();
    }

    @Test
    void replySendBackReplyAccept() {
        InspectionFinding f = finding();
        assertThat(f.getStatus()).isEqualTo(FindingStatus.OPEN);
        assertThat(f.isAwaitingReview()).isFalse();

        f.reply("已修订执法文书格式", LocalDate.of(2026, 2, 18), 1L, T);
        assertThat(f.getStatus()).isEqualTo(FindingStatus.RECTIFYING);
        assertThat(f.isAwaitingReview()).isTrue();

        f.sendBack("请补充整改前后的案卷对比", 2L, T.plusSeconds(60));
        assertThat(f.getStatus()).isEqualTo(FindingStatus.RECTIFYING);
        assertThat(f.isAwaitingReview()).isFalse();
        assertThat(f.getReviewComment()).isEqualTo("请补充整改前后的案卷对比");

        f.reply("已补充对比材料", LocalDate.of(2026, 2, 19), 1L, T.plusSeconds(120));
        assertThat(f.isAwaitingReview()).isTrue();
        f.accept(2L, T.plusSeconds(180));
        assertThat(f.getStatus()).isEqualTo(FindingStatus.CLOSED);
        assertThat(f.getAcceptedBy()).isEqualTo(2L);
    }

    @Test
    void illegalMovesAreRefused() {
        InspectionFinding open = finding();
        // nothing to accept or send back before the county replied
        assertThatThrownBy(() -> open.accept(2L, T)).isInstanceOf(IllegalFindingTransitionException.class);
        assertThatThrownBy(() -> open.sendBack("意见", 2L, T)).isInstanceOf(IllegalFindingTransitionException.class);

        InspectionFinding returned = finding();
        returned.reply("已整改", LocalDate.of(2026, 2, 18), 1L, T);
        returned.sendBack("不够", 2L, T.plusSeconds(60));
        // a reply sent back is not accepted or sent back again until the county replies anew
        assertThatThrownBy(() -> returned.accept(2L, T.plusSeconds(90)))
                .isInstanceOf(IllegalFindingTransitionException.class);
        assertThatThrownBy(() -> returned.sendBack("还不够", 2L, T.plusSeconds(90)))
                .isInstanceOf(IllegalFindingTransitionException.class);

        InspectionFinding closed = finding();
        closed.reply("已整改", LocalDate.of(2026, 2, 18), 1L, T);
        closed.accept(2L, T.plusSeconds(60));
        // closed is read-only: no edit, reply, evidence, or second decision
        assertThatThrownBy(() -> closed.edit("改", FindingSeverity.MINOR, null, null, DEADLINE))
                .isInstanceOf(IllegalFindingTransitionException.class);
        assertThatThrownBy(() -> closed.reply("再改", LocalDate.of(2026, 2, 18), 1L, T))
                .isInstanceOf(IllegalFindingTransitionException.class);
        assertThatThrownBy(closed::requireOpenForEvidence).isInstanceOf(IllegalFindingTransitionException.class);
        assertThatThrownBy(() -> closed.accept(2L, T)).isInstanceOf(IllegalFindingTransitionException.class);
        assertThatThrownBy(() -> closed.sendBack("x", 2L, T)).isInstanceOf(IllegalFindingTransitionException.class);
        assertThat(closed.getDescription()).isEqualTo("行政执法案卷不规范");
    }
}
