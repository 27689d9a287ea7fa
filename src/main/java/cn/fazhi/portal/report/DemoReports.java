package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.config.DemoMode;
import cn.fazhi.portal.config.TimeConfiguration;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures five real counties published (demo/seed-figures.csv), as their annual reports:
 * all approved but 鲁甸县 2023, which waits for review.
 */
@Component
@Profile("demo")
class DemoReports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    /** county code + year of the seed reports still waiting for a reviewer */
    private static final Set<String> SUBMITTED_ONLY = Set.of("530621/2023");

    private final DemoMode demoMode;
    private final AnnualReportRepository reports;
    private final CatalogService catalogs;
    private final TransactionTemplate transaction;

    DemoReports(
            DemoMode demoMode,
            AnnualReportRepository reports,
            CatalogService catalogs,
            TransactionTemplate transaction) {
        this.demoMode = demoMode;
        this.reports = reports;
        this.catalogs = catalogs;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        Map<String, List<CSVRecord>> byReport = new LinkedHashMap<>();
        for (CSVRecord row : DemoMode.readCsv("demo/seed-figures.csv")) {
            byReport.computeIfAbsent(row.get("county_code") + "/" + row.get("year"), k -> new java.util.ArrayList<>())
                    .add(row);
        }
        byReport.forEach((key, rows) -> transaction.executeWithoutResult(status -> load(key, rows)));
    }

    private void load(String key, List<CSVRecord> rows) {
        String county = key.substring(0, 6);
        int year = Integer.parseInt(key.substring(7));
        if (reports.existsByCountyCodeAndYear(county, year)) {
            return;
        }
        Catalog catalog = catalogs.forYear(year);
        Instant created = at(LocalDate.of(year + 1, 1, 10));
        AnnualReport report = AnnualReport.open(county, year, ReportingPeriods.legalDeadline(year), created);
        for (CSVRecord row : rows) {
            IndicatorDef indicator = catalog.indicator(row.get("indicator_code"))
                    .orElseThrow(() -> new IllegalStateException("seed figure of unknown indicator " + row));
            report.enterTyped(indicator, new BigDecimal(row.get("value")), null, null, created);
        }
        report.recomputeRates(catalog, null, created);
        report.writeNarrative(
                "（演示数据）本县" + year + "年法治政府建设的主要举措和成效，详见县人民政府公开发布的年度报告原文；" + "本平台演示版收录了报告中的数字。",
                "（演示数据）存在的问题和不足，详见年度报告原文。",
                "（演示数据）下一年度工作安排，详见年度报告原文。",
                "（演示数据）党政主要负责人履行推进法治建设第一责任人职责情况，详见年度报告原文。",
                created);
        report.submit(null, at(LocalDate.of(year + 1, 2, 20)));
        // saved before the approval, whose version refers to the report's rows
        reports.save(report);
        if (!SUBMITTED_ONLY.contains(key)) {
            report.approve(null, at(LocalDate.of(year + 1, 3, 10)), LocalDate.of(year + 1, 3, 31), catalog, null);
        }
        log.info("Demo report {} {} loaded with {} figures ({})", county, year, rows.size(), report.getStatus());
    }

    private static Instant at(LocalDate date) {
        return date.atTime(LocalTime.of(10, 0)).atZone(TimeConfiguration.CHINA).toInstant();
    }
}
