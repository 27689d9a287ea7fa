package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.CustomFigures;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.CustomFigure;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueInput;
import cn.fazhi.portal.report.internal.ValuePromoted;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports' custom figures for the catalogue's candidates (指标候选): what the catalogue reads
 * of them, and the move of promoted ones into values, each with its history. The catalogue decides
 * which figures move; the report changes.
 */
@Component
@Transactional(readOnly = true)
class ReportCustomFigures implements CustomFigures {

    private final JdbcClient jdbc;
    private final AnnualReportRepository reports;
    private final RegionService regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportCustomFigures(
            JdbcClient jdbc,
            AnnualReportRepository reports,
            RegionService regions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.regions = regions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<NameUse> nameUses() {
        return jdbc.sql("""
                select f.name, f.unit, array_agg(distinct r.county_code) as counties,
                       array_agg(distinct r.year) as years, count(*) as figures
                from custom_figure f join annual_report r on r.id = f.report_id
                group by f.name, f.unit
                """)
                .query((rs, n) -> new NameUse(
                        rs.getString(1),
                        rs.getString(2),
                        strings(rs.getArray(3)),
                        integers(rs.getArray(4)),
                        rs.getLong(5)))
                .list();
    }

    @Override
    public List<Figure> named(Collection<String> names, IndicatorDef indicator) {
        List<CustomFigure> figures = reports.findCustomFiguresNamed(names);
        Map<String, RegionView> counties = regions.findAll(figures.stream()
                .map(f -> f.getReport().getCountyCode())
                .distinct()
                .toList());
        return figures.stream()
                .map(f -> {
                    AnnualReport report = f.getReport();
                    RegionView county = counties.get(report.getCountyCode());
                    return new Figure(
                            f.getId(),
                            report.getId(),
                            report.getCountyCode(),
                            county == null ? null : county.name(),
                            report.getYear(),
                            f.getName(),
                            f.getUnit(),
                            f.getValue(),
                            report.valuesByCode().containsKey(indicator.code()),
                            ValueInput.parse(indicator.kind(), f.getValue().toPlainString())
                                    .isValid());
                })
                .toList();
    }

    @Override
    @Transactional
    public void moveInto(Collection<Figure> moving, IndicatorDef indicator, Viewer viewer) {
        Set<Long> ids = new HashSet<>();
        moving.forEach(f -> ids.add(f.id()));
        List<String> names = moving.stream().map(Figure::name).distinct().toList();
        if (names.isEmpty()) {
            return;
        }
        for (CustomFigure figure : reports.findCustomFiguresNamed(names)) {
            if (!ids.contains(figure.getId())) {
                continue;
            }
            AnnualReport report = figure.getReport();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("customFigure", figure.getId());
            before.put("section", figure.getSectionCode());
            before.putAll(figure.content().state());
            Instant promotedAt = clock.instant();
            report.adoptPromoted(figure, indicator, viewer.accountId(), promotedAt);
            ValueEntry after = report.entries().get(indicator.code());
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("value", after.value().stripTrailingZeros().toPlainString());
            state.put("explanation", after.explanation());
            jdbc.sql("""
                    insert into custom_figure_promotion (custom_figure_id, report_id, indicator_code, promoted_at)
                    values (?, ?, ?, ?)""")
                    .params(figure.getId(), report.getId(), indicator.code(), Timestamp.from(promotedAt))
                    .update();
            events.publishEvent(new ValuePromoted(report.getId(), indicator.code(), figure.getId(), before, state));
            reports.save(report);
        }
    }

    /**
     * The custom figures a value of the report was promoted from, latest first (kept as data when
     * they move: V22), whose histories its own goes on from.
     */
    List<Long> promotedInto(long reportId, String indicatorCode) {
        return jdbc.sql("""
                select custom_figure_id from custom_figure_promotion
                 where report_id = ? and indicator_code = ?
                 order by promoted_at desc, custom_figure_id desc""").params(reportId, indicatorCode).query(Long.class).list();
    }

    private static Set<String> strings(Array array) throws SQLException {
        return new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static Set<Integer> integers(Array array) throws SQLException {
        return new HashSet<>(Arrays.asList((Integer[]) array.getArray()));
    }
}
