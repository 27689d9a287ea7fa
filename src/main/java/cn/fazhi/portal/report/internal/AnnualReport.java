package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.report.ReportStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * 法治政府建设年度报告: one county's report of one year, with its values and the narrative parts
 * the law requires. Its state changes only through the methods below, which refuse illegal moves.
 */
@Entity
@Table(name = "annual_report")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AnnualReport implements ReportContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String countyCode;

    private int year;

    @Enumerated(EnumType.STRING)
    private ReportStatus status = ReportStatus.DRAFT;

    /** 主要举措和成效 */
    private String measuresText;

    /** 存在的问题和不足 */
    private String problemsText;

    /** 下一年度工作安排 */
    private String nextYearPlanText;

    /** 党政主要负责人履行推进法治建设第一责任人职责情况 */
    private String leadersDutyText;

    private LocalDate submissionDeadline;

    private Instant submittedAt;

    private Long submittedBy;

    private Instant reviewedAt;

    private Long reviewedBy;

    private String reviewComment;

    private Instant approvedAt;

    private Long approvedBy;

    private LocalDate publishedOn;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private int version;

    /** The version the public reads: the last approved one (issue 18), null before the first approval. */
    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @jakarta.persistence.JoinColumn(name = "published_version_id")
    private ReportVersion publishedVersion;

    /** The reopening reason of the correction under way; it goes into the correction's version. */
    private String correctionReason;

    @OneToMany(mappedBy = "report", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<ReportVersion> versions = new ArrayList<>();

    /** Every round's submission: returning or reopening a report never loses the first one. */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(
            name = "report_submission",
            joinColumns = @jakarta.persistence.JoinColumn(name = "report_id"))
    @OrderBy("submittedAt")
    private List<Submission> submissions = new ArrayList<>();

    /** One round's submission. */
    @jakarta.persistence.Embeddable
    public record Submission(Instant submittedAt, Long submittedBy) {}

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<IndicatorValue> values = new ArrayList<>();

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position, id")
    private List<CustomFigure> customFigures = new ArrayList<>();

    private AnnualReport(String countyCode, int year, LocalDate submissionDeadline, Instant now) {
        this.countyCode = countyCode;
        this.year = year;
        this.submissionDeadline = submissionDeadline;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new draft, due by the year's deadline. */
    public static AnnualReport open(String countyCode, int year, LocalDate deadline, Instant now) {
        return new AnnualReport(countyCode, year, deadline, now);
    }

    public Map<String, IndicatorValue> valuesByCode() {
        return values.stream().collect(Collectors.toMap(IndicatorValue::getIndicatorCode, Function.identity()));
    }

    public Optional<BigDecimal> valueOf(String indicatorCode) {
        return Optional.ofNullable(find(indicatorCode)).map(IndicatorValue::getValue);
    }

    @Override
    public Map<String, ValueEntry> entries() {
        return values.stream().collect(Collectors.toMap(IndicatorValue::getIndicatorCode, AnnualReport::entryOf));
    }

    /** One indicator's stored state, or null. */
    public ValueEntry entry(String indicatorCode) {
        IndicatorValue value = find(indicatorCode);
        return value == null ? null : entryOf(value);
    }

    private static ValueEntry entryOf(IndicatorValue value) {
        return new ValueEntry(value.getValue(), value.getSource(), value.getExplanation());
    }

    /**
     * Sets, changes or clears what the clerk typed for one indicator (a blank value and no
     * explanation clears it).
     *
     * @return the entry before, when anything changed
     */
    public Optional<ValueEntry> type(
            IndicatorDef indicator, BigDecimal value, String explanation, Long by, Instant at) {
        requireEditable();
        String note = explanation == null || explanation.isBlank() ? null : explanation.strip();
        IndicatorValue existing = find(indicator.code());
        ValueEntry before = existing == null ? null : entryOf(existing);
        if (value == null && note == null) {
            if (existing == null || existing.getSource() == ValueSource.COMPUTED) {
                return Optional.empty();
            }
            values.remove(existing);
        } else {
            boolean same = existing != null
                    && existing.getSource() == ValueSource.TYPED
                    && java.util.Objects.equals(note, existing.getExplanation())
                    && (value == null
                            ? existing.getValue() == null
                            : existing.getValue() != null && value.compareTo(existing.getValue()) == 0);
            if (same) {
                return Optional.empty();
            }
            (existing != null ? existing : add(indicator)).set(value, note, ValueSource.TYPED, by, at);
        }
        this.updatedAt = at;
        return Optional.of(before == null ? new ValueEntry(null, null, null) : before);
    }

    @Override
    public Map<String, String> narrative() {
        return ReportContent.narrative(measuresText, problemsText, nextYearPlanText, leadersDutyText);
    }

    @Override
    public List<CustomFigureView> figuresOf(String sectionCode) {
        return customFiguresOf(sectionCode).stream().map(CustomFigureView::of).toList();
    }

    /** Whether the report is approved or was (a version of it is published, a correction may be under way). */
    public boolean wasApproved() {
        return status == ReportStatus.APPROVED || publishedVersion != null;
    }

    /** Whether an approved version is public while a correction of it is under way (更正中). */
    public boolean isCorrecting() {
        return publishedVersion != null && status != ReportStatus.APPROVED;
    }

    /** The version of this number, if the report has one. */
    public Optional<ReportVersion> version(int number) {
        return versions.stream().filter(v -> v.getNumber() == number).findFirst();
    }

    public boolean isEditable() {
        return status == ReportStatus.DRAFT || status == ReportStatus.RETURNED;
    }

    public boolean hasNarrative() {
        return filled(measuresText) && filled(problemsText) && filled(nextYearPlanText) && filled(leadersDutyText);
    }

    private static boolean filled(String text) {
        return text != null && !text.isBlank();
    }

    /**
     * An approved report opened again for correction. Its approved version stays public, as it was,
     * until the correction's approval publishes the next one.
     */
    public void reopen(Long by, Instant at, String reason) {
        requireStatus(EnumSet.of(ReportStatus.APPROVED), "reopen");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reopening needs a reason");
        }
        this.status = ReportStatus.RETURNED;
        this.reviewedAt = at;
        this.reviewedBy = by;
        this.reviewComment = reason;
        this.correctionReason = reason;
        this.approvedAt = null;
        this.approvedBy = null;
        this.updatedAt = at;
    }

    public void enterTyped(IndicatorDef indicator, BigDecimal value, String explanation, Long by, Instant at) {
        requireEditable();
        valueFor(indicator).set(value, explanation, ValueSource.TYPED, by, at);
        this.updatedAt = at;
    }

    public void writeNarrative(String measures, String problems, String nextYearPlan, String leadersDuty, Instant at) {
        requireEditable();
        this.measuresText = measures;
        this.problemsText = problems;
        this.nextYearPlanText = nextYearPlan;
        this.leadersDutyText = leadersDuty;
        this.updatedAt = at;
    }

    /**
     * Computes every rate whose parts are both entered. A rate the clerk typed is kept (validation
     * compares it with its parts); a computed rate whose parts were cleared goes away.
     */
    public void recomputeRates(Catalog catalog, Long by, Instant at) {
        Map<String, IndicatorValue> current = valuesByCode();
        for (IndicatorDef rate : catalog.indicators()) {
            if (!rate.isComputed()) {
                continue;
            }
            IndicatorValue existing = current.get(rate.code());
            if (existing != null && existing.getSource() == ValueSource.TYPED) {
                continue;
            }
            ComputedRate computed =
                    ComputedRate.of(valueIn(current, rate.numeratorCode()), valueIn(current, rate.denominatorCode()));
            if (computed.outcome() == ComputedRate.Outcome.MISSING_PART) {
                if (existing != null) {
                    values.remove(existing);
                    current.remove(rate.code());
                }
            } else {
                BigDecimal percent = computed.isStorable() ? computed.percent() : null;
                // an unchanged rate is left alone: rewriting it would update its row on every save
                boolean same = existing != null
                        && existing.getSource() == ValueSource.COMPUTED
                        && existing.getExplanation() == null
                        && (percent == null
                                ? existing.getValue() == null
                                : existing.getValue() != null && percent.compareTo(existing.getValue()) == 0);
                if (!same) {
                    IndicatorValue target = existing != null ? existing : add(rate);
                    current.put(rate.code(), target);
                    target.set(percent, null, ValueSource.COMPUTED, by, at);
                }
            }
        }
    }

    public void submit(Long by, Instant at) {
        requireStatus(EnumSet.of(ReportStatus.DRAFT, ReportStatus.RETURNED), "submit");
        this.status = ReportStatus.SUBMITTED;
        this.submittedAt = at;
        this.submittedBy = by;
        this.submissions.add(new Submission(at, by));
        this.updatedAt = at;
    }

    public void returnForRevision(Long by, Instant at, String comment) {
        requireStatus(EnumSet.of(ReportStatus.SUBMITTED), "return");
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a returned report needs the reviewer's comment");
        }
        this.status = ReportStatus.RETURNED;
        this.reviewedAt = at;
        this.reviewedBy = by;
        this.reviewComment = comment;
        this.updatedAt = at;
    }

    /**
     * Approves the report and publishes it as its next version.
     *
     * @param catalog the catalogue of the report's year, which the version records the edition of
     * @param publicNote what the public reads of a correction, or null; a first approval has none
     */
    public ReportVersion approve(Long by, Instant at, LocalDate publishedOn, Catalog catalog, String publicNote) {
        requireStatus(EnumSet.of(ReportStatus.SUBMITTED), "approve");
        if (publicNote != null && publishedVersion == null) {
            throw new IllegalArgumentException("only a correction has a public note");
        }
        this.status = ReportStatus.APPROVED;
        this.reviewedAt = at;
        this.reviewedBy = by;
        this.approvedAt = at;
        this.approvedBy = by;
        if (this.publishedOn == null) {
            this.publishedOn = publishedOn;
        }
        this.updatedAt = at;
        int number = versions.stream().mapToInt(ReportVersion::getNumber).max().orElse(0) + 1;
        ReportVersion version = ReportVersion.freeze(
                this,
                number,
                catalog,
                by,
                at,
                number == 1 ? null : correctionReason != null ? correctionReason : "—",
                publicNote);
        versions.add(version);
        this.publishedVersion = version;
        this.correctionReason = null;
        return version;
    }

    public List<CustomFigure> customFiguresOf(String sectionCode) {
        return customFigures.stream()
                .filter(f -> f.getSectionCode().equals(sectionCode))
                .toList();
    }

    public Optional<CustomFigure> customFigure(long id) {
        return customFigures.stream()
                .filter(f -> f.getId() != null && f.getId() == id)
                .findFirst();
    }

    /** Whether another figure of the section already has this name (names are unique in a section). */
    public boolean hasCustomFigureNamed(String sectionCode, String name, Long except) {
        return customFigures.stream()
                .anyMatch(f -> f.getSectionCode().equals(sectionCode)
                        && f.getName().equals(name)
                        && !java.util.Objects.equals(f.getId(), except));
    }

    public CustomFigure addCustomFigure(String sectionCode, CustomFigure.Content content, Long by, Instant at) {
        requireEditable();
        int position =
                customFigures.stream().mapToInt(CustomFigure::getPosition).max().orElse(-1) + 1;
        CustomFigure figure = new CustomFigure(this, sectionCode, position);
        figure.set(content, by, at);
        customFigures.add(figure);
        this.updatedAt = at;
        return figure;
    }

    /** @return whether anything changed */
    public boolean changeCustomFigure(CustomFigure figure, CustomFigure.Content content, Long by, Instant at) {
        requireEditable();
        boolean changed = figure.set(content, by, at);
        if (changed) {
            this.updatedAt = at;
        }
        return changed;
    }

    public void removeCustomFigure(CustomFigure figure, Instant at) {
        requireEditable();
        customFigures.remove(figure);
        this.updatedAt = at;
    }

    /**
     * Moves a custom figure into a catalogue indicator the administrator promoted it to. It is
     * allowed in any state, an approved report included: the county reported the figure already,
     * only its place changes. The report's version moves on, so that a form opened before the
     * move cannot bring the figure back.
     */
    public void adoptPromoted(CustomFigure figure, IndicatorDef indicator, Long by, Instant at) {
        if (find(indicator.code()) != null) {
            throw new IllegalStateException("the report has a value of " + indicator.code() + " already");
        }
        add(indicator).set(figure.getValue(), figure.getNote(), ValueSource.TYPED, by, at);
        customFigures.remove(figure);
        this.updatedAt = at;
    }

    /** The stored value of an indicator, looked up without building a map of them all. */
    private IndicatorValue find(String indicatorCode) {
        for (IndicatorValue value : values) {
            if (value.getIndicatorCode().equals(indicatorCode)) {
                return value;
            }
        }
        return null;
    }

    private IndicatorValue add(IndicatorDef indicator) {
        IndicatorValue value = new IndicatorValue(this, indicator.code(), indicator.kind());
        values.add(value);
        return value;
    }

    private static BigDecimal valueIn(Map<String, IndicatorValue> values, String indicatorCode) {
        IndicatorValue value = values.get(indicatorCode);
        return value == null ? null : value.getValue();
    }

    private IndicatorValue valueFor(IndicatorDef indicator) {
        IndicatorValue value = find(indicator.code());
        return value != null ? value : add(indicator);
    }

    private void requireEditable() {
        requireStatus(EnumSet.of(ReportStatus.DRAFT, ReportStatus.RETURNED), "edit");
    }

    private void requireStatus(Set<ReportStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new IllegalReportTransitionException(action, status);
        }
    }

    // --- issue 18: publication record (公开记录) ---------------------------------------------------

    /** The day the report was published, on the county's website or on this portal; null: not recorded. */
    private LocalDate publicationDate;

    /** The address on the county government's website; null when published on this portal. */
    private String publicationUrl;

    private Boolean publicationOnPortal;

    private Instant publicationRecordedAt;

    private Long publicationRecordedBy;

    public boolean hasPublicationRecord() {
        return publicationDate != null;
    }

    /**
     * Records (or changes) where and when the report was published. Allowed once the report was
     * approved, and kept through a correction: a reopened report was still published.
     *
     * @param url the website's address, null for "published on this portal"
     */
    public void recordPublication(LocalDate date, String url, Long by, Instant at) {
        if (!wasApproved() && publicationDate == null) {
            throw new IllegalReportTransitionException("publish", status);
        }
        this.publicationDate = java.util.Objects.requireNonNull(date);
        this.publicationUrl = url;
        this.publicationOnPortal = url == null;
        this.publicationRecordedAt = at;
        this.publicationRecordedBy = by;
        this.updatedAt = at;
    }
}
