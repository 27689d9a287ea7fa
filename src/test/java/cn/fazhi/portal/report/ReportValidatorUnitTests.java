package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.Comparison;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.catalog.RuleDef;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.catalog.Severity;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueSource;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validation engine on a catalogue of three indicators made here, without Spring or a database:
 * cases (A) of which some were closed (B), the closing rate (R = B / A) and a catalogue rule. The
 * real catalogue's rules are checked in {@link ReportValidatorTests}.
 */
class ReportValidatorUnitTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static final IndicatorDef CASES = indicator("T_CASES", 1, IndicatorKind.COUNT, null, null);
    private static final IndicatorDef CLOSED = indicator("T_CLOSED", 2, IndicatorKind.COUNT, null, null);
    private static final IndicatorDef RATE = indicator("T_RATE", 3, IndicatorKind.RATE, "T_CLOSED", "T_CASES");
    private static final IndicatorDef STAFF = indicator("T_STAFF", 4, IndicatorKind.COUNT, null, null);
    private static final IndicatorDef UNITS = indicator("T_UNITS", 5, IndicatorKind.COUNT, null, null);

    private static final RuleDef STAFF_PER_UNIT = new RuleDef(
            "T_RULE",
            "T_UNITS",
            Comparison.AT_MOST,
            "T_STAFF",
            Severity.WARNING,
            "执法单位数不应多于执法人员数",
            "Units should not outnumber staff");

    private final Catalog catalog = new Catalog(
            2024,
            List.of(new SectionDef("T_SECTION", 1, "测试板块", "Test section", "一")),
            List.of(CASES, CLOSED, RATE, STAFF, UNITS),
            List.of(STAFF_PER_UNIT));

    @Test
    void aNumeratorAboveItsDenominatorIsAnErrorOnTheNumerator() {
        List<Finding> findings = validate(Map.of("T_CASES", typed(10), "T_CLOSED", typed(12)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicatorCode()).isEqualTo("T_CLOSED");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.messageKey()).isEqualTo("validation.partsExceed");
        });
        assertThat(validate(Map.of("T_CASES", typed(10), "T_CLOSED", typed(10))))
                .isEmpty();
    }

    @Test
    void aTypedRateMayDifferFromItsPartsByATenthOfAPointAtMost() {
        // 2 of 3 closed: 66.67 %
        assertThat(validate(Map.of("T_CASES", typed(3), "T_CLOSED", typed(2), "T_RATE", typed("66.6"))))
                .isEmpty();
        assertThat(validate(Map.of("T_CASES", typed(3), "T_CLOSED", typed(2), "T_RATE", typed("66.5"))))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.indicatorCode()).isEqualTo("T_RATE");
                    assertThat(f.messageKey()).isEqualTo("validation.rateMismatch");
                });
        // a rate typed over a zero denominator has no parts to agree with
        assertThat(validate(Map.of("T_CASES", typed(0), "T_CLOSED", typed(0), "T_RATE", typed(50))))
                .extracting(Finding::messageKey)
                .containsExactly("validation.rateNotApplicable");
    }

    @Test
    void aCatalogueRuleGivesItsOwnMessageAndSeverityAndReplacesTheAutomaticCheckOnTheSameParts() {
        assertThat(validate(Map.of("T_UNITS", typed(5), "T_STAFF", typed(4))))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.indicatorCode()).isEqualTo("T_UNITS");
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.text()).isEqualTo("执法单位数不应多于执法人员数");
                });
        assertThat(validate(Map.of("T_UNITS", typed(4), "T_STAFF", typed(4)))).isEmpty();

        // a rule on the rate's own parts: only the rule's warning, no automatic error
        RuleDef closedAtMostCases = new RuleDef(
                "T_CARRIED",
                "T_CLOSED",
                Comparison.AT_MOST,
                "T_CASES",
                Severity.WARNING,
                "结案数多于立案数（含上年结转）请说明",
                "Explain");
        Catalog ruled = new Catalog(2024, catalog.sections(), catalog.indicators(), List.of(closedAtMostCases));
        assertThat(ReportValidator.validate(ruled, Map.of("T_CASES", typed(10), "T_CLOSED", typed(12)), Map.of(), ZH))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.text()).isEqualTo("结案数多于立案数（含上年结转）请说明");
                });
    }

    @Test
    void aMoveFromLastYearIsAWarningOnlyWhenItIsMoreThanHalfAndAtLeastTenUnits() {
        assertThat(ReportValidator.isOutlier(new BigDecimal("100"), new BigDecimal("151")))
                .isTrue();
        assertThat(ReportValidator.isOutlier(new BigDecimal("100"), new BigDecimal("150")))
                .isFalse();
        assertThat(ReportValidator.isOutlier(new BigDecimal("100"), new BigDecimal("49")))
                .isTrue();
        // small counts jump by nature: 4 to 12 is +200 % but only 8 units
        assertThat(ReportValidator.isOutlier(new BigDecimal("4"), new BigDecimal("12")))
                .isFalse();
        assertThat(ReportValidator.isOutlier(BigDecimal.ZERO, BigDecimal.TEN)).isTrue();

        Map<String, BigDecimal> lastYear = Map.of("T_STAFF", new BigDecimal("100"));
        List<Finding> findings = ReportValidator.validate(catalog, Map.of("T_STAFF", typed(200)), lastYear, ZH);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.indicatorCode()).isEqualTo("T_STAFF");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.messageKey()).isEqualTo("validation.outlier");
            assertThat(f.explained()).isFalse();
        });
        // explained, it stays listed but as explained
        Map<String, ValueEntry> explained = new HashMap<>();
        explained.put("T_STAFF", new ValueEntry(new BigDecimal("200"), ValueSource.TYPED, "新招录 100 人"));
        assertThat(ReportValidator.validate(catalog, explained, lastYear, ZH))
                .singleElement()
                .satisfies(f -> assertThat(f.explained()).isTrue());
        // a computed value is not the clerk's: it is never an outlier of its own
        assertThat(ReportValidator.validate(
                        catalog,
                        Map.of("T_STAFF", new ValueEntry(new BigDecimal("200"), ValueSource.COMPUTED, null)),
                        lastYear,
                        ZH))
                .isEmpty();
    }

    @Test
    void theEffectiveValueOfARateIsComputedFromItsPartsUnlessTyped() {
        Map<String, IndicatorDef> byCode = catalog.byCode();
        assertThat(ReportValidator.effective("T_RATE", byCode, Map.of("T_CASES", typed(4), "T_CLOSED", typed(1))))
                .isEqualByComparingTo("25");
        assertThat(ReportValidator.effective(
                        "T_RATE", byCode, Map.of("T_CASES", typed(4), "T_CLOSED", typed(1), "T_RATE", typed("25.05"))))
                .isEqualByComparingTo("25.05");
        assertThat(ReportValidator.effective("T_STAFF", byCode, Map.of())).isNull();
    }

    private List<Finding> validate(Map<String, ValueEntry> entries) {
        return ReportValidator.validate(catalog, entries, Map.of(), ZH);
    }

    private static ValueEntry typed(Object value) {
        return new ValueEntry(new BigDecimal(value.toString()), ValueSource.TYPED, null);
    }

    private static IndicatorDef indicator(
            String code, int position, IndicatorKind kind, String numerator, String denominator) {
        return new IndicatorDef(
                code,
                "T_SECTION",
                position,
                "指标" + code,
                "Indicator " + code,
                kind == IndicatorKind.RATE ? "%" : "个",
                kind,
                Direction.UP,
                numerator,
                denominator,
                null,
                null,
                null,
                2020,
                null,
                false);
    }
}
