package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.Comparison;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.RuleDef;
import cn.fazhi.portal.catalog.Severity;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueSource;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The validation engine, driven by the real catalogue and the seed counties' real figures. */
@PortalTest
class ReportValidatorTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    CatalogService catalogs;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theSeedReportsPassEveryErrorRule() {
        for (String[] seed : new String[][] {
            {"532527", "2023"},
            {"532527", "2022"},
            {"530621", "2023"},
            {"530524", "2021"},
            {"410324", "2021"},
            {"150204", "2020"}
        }) {
            int year = Integer.parseInt(seed[1]);
            List<Finding> findings = transaction.execute(s -> ReportValidator.validate(
                    catalogs.forYear(year),
                    reports.findByCountyCodeAndYear(seed[0], year).orElseThrow().entries(),
                    Map.of(),
                    ZH));
            assertThat(findings).as(seed[0] + " " + year).noneMatch(Finding::isError);
        }
    }

    @Test
    void everyCatalogueRuleFailsOnACraftedValueWithItsMessage() {
        Catalog catalog = catalogs.forYear(2023);
        assertThat(catalog.rules()).hasSize(19);
        for (RuleDef rule : catalog.rules()) {
            Map<String, ValueEntry> entries = new HashMap<>();
            BigDecimal right = BigDecimal.TEN;
            BigDecimal left = switch (rule.operator()) {
                case AT_MOST, LESS_THAN, EQUAL -> right.add(BigDecimal.ONE);
                case AT_LEAST, MORE_THAN -> right.subtract(BigDecimal.ONE);
            };
            entries.put(rule.leftCode(), typed(left));
            entries.put(rule.rightCode(), typed(right));
            assertThat(ReportValidator.validate(catalog, entries, Map.of(), ZH))
                    .as(rule.code())
                    .anySatisfy(f -> {
                        assertThat(f.indicatorCode()).isEqualTo(rule.leftCode());
                        assertThat(f.severity()).isEqualTo(rule.severity());
                        assertThat(f.text()).isEqualTo(rule.messageZh());
                    });
            // equal values satisfy every rule that allows equality
            if (rule.operator() != Comparison.LESS_THAN && rule.operator() != Comparison.MORE_THAN) {
                entries.put(rule.leftCode(), typed(right));
                assertThat(ReportValidator.validate(catalog, entries, Map.of(), ZH))
                        .as(rule.code() + " satisfied")
                        .noneMatch(f -> rule.messageZh().equals(f.text()));
            }
        }
    }

    @Test
    void everyComputedRatesNumeratorMustNotExceedItsDenominator() {
        Catalog catalog = catalogs.forYear(2023);
        List<IndicatorDef> rates =
                catalog.indicators().stream().filter(IndicatorDef::isComputed).toList();
        assertThat(rates).hasSize(17);
        for (IndicatorDef rate : rates) {
            Map<String, ValueEntry> entries = Map.of(
                    rate.numeratorCode(),
                    typed(new BigDecimal("5")),
                    rate.denominatorCode(),
                    typed(new BigDecimal("4")));
            // where the catalogue has its own rule on the pair, that rule speaks instead (once)
            RuleDef own = catalog.rules().stream()
                    .filter(r -> r.leftCode().equals(rate.numeratorCode())
                            && r.rightCode().equals(rate.denominatorCode()))
                    .findFirst()
                    .orElse(null);
            assertThat(ReportValidator.validate(catalog, entries, Map.of(), ZH))
                    .as(rate.code())
                    .filteredOn(f -> f.indicatorCode().equals(rate.numeratorCode()))
                    .singleElement()
                    .satisfies(f -> {
                        if (own == null) {
                            assertThat(f.messageKey()).isEqualTo("validation.partsExceed");
                            assertThat(f.severity()).isEqualTo(Severity.ERROR);
                        } else {
                            assertThat(f.text()).isEqualTo(own.messageZh());
                            assertThat(f.severity()).isEqualTo(own.severity());
                        }
                    });
        }
    }

    @Test
    void aTypedRateMustAgreeWithItsPartsWithinATenthOfAPoint() {
        Catalog catalog = catalogs.forYear(2023);
        Map<String, ValueEntry> entries = new HashMap<>(
                Map.of("CAP_LAWYER_UNITS", typed(new BigDecimal("17")), "CAP_UNITS", typed(new BigDecimal("24"))));
        entries.put("CAP_LAWYER_COVERAGE", typed(new BigDecimal("70.9"))); // 70.83 computed: within 0.1
        assertThat(ReportValidator.validate(catalog, entries, Map.of(), ZH)).isEmpty();
        entries.put("CAP_LAWYER_COVERAGE", typed(new BigDecimal("71"))); // 0.17 off
        assertThat(ReportValidator.validate(catalog, entries, Map.of(), ZH))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.messageKey()).isEqualTo("validation.rateMismatch");
                    assertThat(f.args()).containsExactly("70.8");
                });
        entries.put("CAP_UNITS", typed(BigDecimal.ZERO));
        entries.put("CAP_LAWYER_UNITS", typed(BigDecimal.ZERO));
        assertThat(ReportValidator.validate(catalog, entries, Map.of(), ZH))
                .extracting(Finding::messageKey)
                .containsExactly("validation.rateNotApplicable");
    }

    @Test
    void aMoveOfMoreThanHalfAndAtLeastTenUnitsFromLastYearIsAWarning() {
        Catalog catalog = catalogs.forYear(2023);
        Map<String, BigDecimal> lastYear = Map.of(
                "EMG_ACCIDENTS",
                new BigDecimal("12"),
                "LEA_PARTY_MEETINGS",
                new BigDecimal("4"),
                "OVS_HOTLINE_CASES",
                new BigDecimal("2000"));
        // 12 → 30: +150 %, 18 units; 4 → 9: +125 % but only 5 units; 2000 → 2900: +45 %
        Map<String, ValueEntry> entries = Map.of(
                "EMG_ACCIDENTS",
                typed(new BigDecimal("30")),
                "LEA_PARTY_MEETINGS",
                typed(new BigDecimal("9")),
                "OVS_HOTLINE_CASES",
                typed(new BigDecimal("2900")));
        assertThat(ReportValidator.validate(catalog, entries, lastYear, ZH))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.indicatorCode()).isEqualTo("EMG_ACCIDENTS");
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.explained()).isFalse();
                    assertThat(f.blocksSubmission()).isTrue();
                });
        Map<String, ValueEntry> explained =
                Map.of("EMG_ACCIDENTS", new ValueEntry(new BigDecimal("30"), ValueSource.TYPED, "含道路交通事故口径调整"));
        assertThat(ReportValidator.validate(catalog, explained, lastYear, ZH))
                .singleElement()
                .satisfies(f -> assertThat(f.blocksSubmission()).isFalse());
        // from zero, ten units is already a move
        assertThat(ReportValidator.isOutlier(BigDecimal.ZERO, BigDecimal.TEN)).isTrue();
        assertThat(ReportValidator.isOutlier(BigDecimal.ZERO, new BigDecimal("9")))
                .isFalse();
    }

    private static ValueEntry typed(BigDecimal value) {
        return new ValueEntry(value, ValueSource.TYPED, null);
    }
}
