package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.catalog.IndicatorKind;
import org.junit.jupiter.api.Test;

class ValueInputTests {

    @Test
    void acceptsNumbersAsClerksWriteThem() {
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "232,959").value()).isEqualByComparingTo("232959");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "２４").value()).isEqualByComparingTo("24");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, " 12 ").value()).isEqualByComparingTo("12");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "12.0").value()).isEqualByComparingTo("12");
        assertThat(ValueInput.parse(IndicatorKind.RATE, "97.5%").value()).isEqualByComparingTo("97.5");
        assertThat(ValueInput.parse(IndicatorKind.AMOUNT, "1234.5678").value()).isEqualByComparingTo("1234.5678");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "").value()).isNull();
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "  ").isValid()).isTrue();
    }

    @Test
    void refusesWhatIsNotANumberOfItsKind() {
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "十二").error()).isEqualTo("value.notANumber");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "12件").error()).isEqualTo("value.notANumber");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "-3").error()).isEqualTo("value.negative");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "1.5").error()).isEqualTo("value.countNotWhole");
        assertThat(ValueInput.parse(IndicatorKind.RATE, "100.5").error()).isEqualTo("value.rateOver100");
        assertThat(ValueInput.parse(IndicatorKind.AMOUNT, "1.23456").error()).isEqualTo("value.tooManyDecimals");
        assertThat(ValueInput.parse(IndicatorKind.AMOUNT, "99999999999999999").error()).isEqualTo("value.tooLarge");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "1".repeat(41)).error()).isEqualTo("value.tooLong");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "1e5").error()).isNull();
    }
}
