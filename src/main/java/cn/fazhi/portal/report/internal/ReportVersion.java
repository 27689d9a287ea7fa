package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.Catalog;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/**
 * 报告版本: an annual report as one approval published it — values, rates, custom figures,
 * narrative, the round's submission, who approved it when, under which catalogue. Never changed
 * (the database refuses it too, migration V17): a correction of the report is the next version.
 */
@Entity
@Immutable
@Table(name = "report_version")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReportVersion implements ReportContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private AnnualReport report;

    private int number;

    private String countyCode;

    private int year;

    private String measuresText;

    private String problemsText;

    private String nextYearPlanText;

    private String leadersDutyText;

    private Instant submittedAt;

    private Long submittedBy;

    private Instant approvedAt;

    private Long approvedBy;

    private int catalogueYear;

    private String catalogueEdition;

    private int filledCount;

    /** Internal: the reopening reason this version corrects. */
    private String correctionReason;

    /** Public: what was said of the correction when it was approved. */
    private String publicNote;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "report_version_value", joinColumns = @JoinColumn(name = "version_id"))
    private List<Value> values = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "report_version_figure", joinColumns = @JoinColumn(name = "version_id"))
    @OrderBy("position")
    private List<Figure> figures = new ArrayList<>();

    /** One value as approved. */
    @Embeddable
    record Value(
            String indicatorCode,
            BigDecimal value,
            @Enumerated(EnumType.STRING) ValueSource source) {}

    /** One custom figure as approved. */
    @Embeddable
    record Figure(String sectionCode, String name, String unit, BigDecimal value, String note, int position) {}

    /** The state of the report now, as the approval at {@code at} publishes it. */
    static ReportVersion freeze(
            AnnualReport report,
            int number,
            Catalog catalog,
            Long by,
            Instant at,
            String correctionReason,
            String publicNote) {
        ReportVersion version = new ReportVersion();
        version.report = report;
        version.number = number;
        version.countyCode = report.getCountyCode();
        version.year = report.getYear();
        version.measuresText = report.getMeasuresText();
        version.problemsText = report.getProblemsText();
        version.nextYearPlanText = report.getNextYearPlanText();
        version.leadersDutyText = report.getLeadersDutyText();
        version.submittedAt = report.getSubmittedAt();
        version.submittedBy = report.getSubmittedBy();
        version.approvedAt = at;
        version.approvedBy = by;
        version.catalogueYear = catalog.year();
        version.catalogueEdition = editionOf(catalog);
        Map<String, cn.fazhi.portal.catalog.IndicatorDef> inCatalogue = catalog.byCode();
        version.filledCount = (int) report.getValues().stream()
                .filter(v -> v.getValue() != null && inCatalogue.containsKey(v.getIndicatorCode()))
                .count();
        version.correctionReason = correctionReason;
        version.publicNote = publicNote;
        report.getValues()
                .forEach(v -> version.values.add(new Value(v.getIndicatorCode(), v.getValue(), v.getSource())));
        report.getCustomFigures()
                .forEach(f -> version.figures.add(new Figure(
                        f.getSectionCode(), f.getName(), f.getUnit(), f.getValue(), f.getNote(), f.getPosition())));
        return version;
    }

    /**
     * The catalogue's fingerprint: its sections, indicators (names, units, kinds, targets) and rules
     * of the year, so that whoever reads a version can tell whether the catalogue changed since.
     */
    static String editionOf(Catalog catalog) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((catalog.sections() + "|" + catalog.indicators() + "|" + catalog.rules())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The values as validation and the pages read them; a version keeps no explanations. */
    @Override
    public Map<String, ValueEntry> entries() {
        Map<String, ValueEntry> entries = new LinkedHashMap<>();
        values.forEach(v -> entries.put(v.indicatorCode(), new ValueEntry(v.value(), v.source(), null)));
        return entries;
    }

    @Override
    public List<CustomFigureView> figuresOf(String sectionCode) {
        return figures.stream()
                .filter(f -> f.sectionCode().equals(sectionCode))
                .map(f -> new CustomFigureView(0, f.sectionCode(), f.name(), f.unit(), f.value(), f.note()))
                .toList();
    }

    @Override
    public Map<String, String> narrative() {
        return ReportContent.narrative(measuresText, problemsText, nextYearPlanText, leadersDutyText);
    }
}
