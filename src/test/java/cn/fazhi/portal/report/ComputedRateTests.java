package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.report.internal.ComputedRate;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ComputedRateTests {

    @Test
    void dividesThePartsInPercent() {
        ComputedRate rate = ComputedRate.of(new BigDecimal("17"), new BigDecimal("24"));
        assertThat(rate.isComputed()).isTrue();
        assertThat(rate.percent()).isEqualByComparingTo("70.8333");
        assertThat(rate.isStorable()).isTrue();
    }

    @Test
    void zeroDenominatorIsNotApplicableNeverHundredPercent() {
        ComputedRate rate = ComputedRate.of(BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(rate.isNotApplicable()).isTrue();
        assertThat(rate.percent()).isNull();
        assertThat(rate.isStorable()).isFalse();
    }

    @Test
    void aMissingPartGivesNoRate() {
        assertThat(ComputedRate.of(null, BigDecimal.TEN).outcome()).isEqualTo(ComputedRate.Outcome.MISSING_PART);
        assertThat(ComputedRate.of(BigDecimal.ONE, null).outcome()).isEqualTo(ComputedRate.Outcome.MISSING_PART);
    }

    @Test
    void aNumeratorAboveItsDenominatorIsNotStored() {
        ComputedRate rate = ComputedRate.of(new BigDecimal("12"), new BigDecimal("10"));
        assertThat(rate.percent()).isEqualByComparingTo("120");
        assertThat(rate.isStorable()).isFalse();
    }

    @Test
    void figuresAreWrittenForTheirKind() {
        assertThat(FigureFormat.format(cn.fazhi.portal.catalog.IndicatorKind.COUNT, new BigDecimal("232959")))
                .isEqualTo("232,959");
        assertThat(FigureFormat.format(cn.fazhi.portal.catalog.IndicatorKind.RATE, new BigDecimal("97.4932")))
                .isEqualTo("97.5");
        assertThat(FigureFormat.format(cn.fazhi.portal.catalog.IndicatorKind.RATE, new BigDecimal("96")))
                .isEqualTo("96.0");
        assertThat(FigureFormat.format(cn.fazhi.portal.catalog.IndicatorKind.AMOUNT, new BigDecimal("12.5")))
                .isEqualTo("12.5");
    }
}
