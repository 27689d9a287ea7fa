package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.ReportStatus;
import cn.fazhi.portal.report.ValueRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A whole report, read-only: its values grouped by section and its narrative parts, either the
 * working copy (for those who may see the county's unpublished work) or a published version.
 *
 * @param shownVersion the number of the published version shown, null for the working copy
 * @param correcting whether a correction of the published version is under way (更正中)
 * @param versions the published versions, oldest first
 * @param submissions every round's submission time, for those who may see the working copy
 * @param publicNote the public note of the version shown, if any
 */
public record ReportView(
        RegionView county,
        int year,
        ReportStatus status,
        LocalDate submissionDeadline,
        Instant submittedAt,
        Instant approvedAt,
        LocalDate publishedOn,
        String reviewComment,
        String measuresText,
        String problemsText,
        String nextYearPlanText,
        String leadersDutyText,
        List<SectionValues> sections,
        List<Finding> findings,
        int version,
        Actions actions,
        Integer shownVersion,
        boolean correcting,
        List<VersionSummary> versions,
        List<Instant> submissions,
        String publicNote) {

    /** A published version as the report page lists it. */
    public record VersionSummary(int number, Instant submittedAt, Instant approvedAt, String publicNote) {}

    /** The newest published version's number, or null before the first approval. */
    public Integer latestVersion() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1).number();
    }

    /** What the viewer may do with this report now. */
    public record Actions(boolean edit, boolean review, boolean reopen, boolean history) {}

    public long filled() {
        return sections.stream().mapToLong(SectionValues::filled).sum();
    }

    public long catalogSize() {
        return sections.stream().mapToLong(s -> s.rows().size()).sum();
    }

    public Optional<ValueRow> row(String indicatorCode) {
        return sections.stream()
                .flatMap(s -> s.rows().stream())
                .filter(r -> r.indicator().code().equals(indicatorCode))
                .findFirst();
    }
}
