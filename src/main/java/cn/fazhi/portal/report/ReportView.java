package cn.fazhi.portal.report;

import cn.fazhi.portal.region.RegionView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A whole report, read-only: its values grouped by section and its narrative parts. */
public record ReportView(RegionView county, int year, ReportStatus status, LocalDate submissionDeadline,
        Instant submittedAt, Instant approvedAt, LocalDate publishedOn, String reviewComment,
        String measuresText, String problemsText, String nextYearPlanText, String leadersDutyText,
        List<SectionValues> sections, List<Finding> findings, int version, Actions actions) {

    /** What the viewer may do with this report now. */
    public record Actions(boolean edit, boolean review, boolean reopen, boolean history) {
    }

    public long filled() {
        return sections.stream().mapToLong(SectionValues::filled).sum();
    }

    public long catalogSize() {
        return sections.stream().mapToLong(s -> s.rows().size()).sum();
    }

    public Optional<ValueRow> row(String indicatorCode) {
        return sections.stream().flatMap(s -> s.rows().stream())
                .filter(r -> r.indicator().code().equals(indicatorCode)).findFirst();
    }
}
