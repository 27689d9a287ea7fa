package cn.fazhi.portal.inspection;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.inspection.internal.FindingRow;
import cn.fazhi.portal.inspection.internal.Inspection;
import cn.fazhi.portal.inspection.internal.InspectionFinding;
import cn.fazhi.portal.inspection.internal.InspectionInputException;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns findings into rows: the county, the section and indicator names of the inspection's year, the standing today. */
@Component
class FindingRows {

    private final RegionService regions;
    private final CatalogService catalog;

    FindingRows(RegionService regions, CatalogService catalog) {
        this.regions = regions;
        this.catalog = catalog;
    }

    List<FindingRow> of(Collection<InspectionFinding> findings, LocalDate today, Locale locale) {
        Map<String, RegionView> counties = regions.findAll(findings.stream()
                .map(f -> f.getInspection().getCountyCode())
                .distinct()
                .toList());
        Map<Integer, Catalog> editions = new HashMap<>();
        return findings.stream()
                .map(f -> row(
                        f,
                        counties.get(f.getInspection().getCountyCode()),
                        editions.computeIfAbsent(f.getInspection().getYear(), catalog::forYear),
                        today,
                        locale))
                .toList();
    }

    FindingRow of(InspectionFinding finding, RegionView county, LocalDate today, Locale locale) {
        return row(finding, county, catalog.forYear(finding.getInspection().getYear()), today, locale);
    }

    private static FindingRow row(
            InspectionFinding f, RegionView county, Catalog edition, LocalDate today, Locale locale) {
        Inspection i = f.getInspection();
        String section = f.getSectionCode() == null
                ? null
                : edition.sections().stream()
                        .filter(s -> s.code().equals(f.getSectionCode()))
                        .map(s -> s.name(locale))
                        .findFirst()
                        .orElse(f.getSectionCode());
        String indicator = f.getIndicatorCode() == null
                ? null
                : edition.indicator(f.getIndicatorCode())
                        .map(d -> d.name(locale))
                        .orElse(f.getIndicatorCode());
        return new FindingRow(
                f.getId(),
                i.getId(),
                county,
                i.getKind(),
                i.getYear(),
                i.getInspectingBody(),
                f.getDescription(),
                f.getSeverity(),
                f.getSectionCode(),
                section,
                f.getIndicatorCode(),
                indicator,
                f.getDeadline(),
                f.getStatus(),
                f.isOverdueOn(today),
                f.daysLeftOn(today),
                f.isAwaitingReview(),
                f.getRepliedAt(),
                f.getRectifiedOn(),
                f.getAcceptedAt());
    }

    /** The section a finding names, checked against the catalogue of the inspection's year. */
    static SectionDef section(Catalog edition, String code) {
        return edition.sections().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new InspectionInputException("section", "inspection.sectionUnknown"));
    }

    static IndicatorDef indicator(Catalog edition, String code) {
        return edition.indicator(code)
                .orElseThrow(() -> new InspectionInputException("indicator", "inspection.indicatorUnknown"));
    }
}
