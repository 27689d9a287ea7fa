package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.report.internal.ValueInput;
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
        assertThat(ValueInput.parse(IndicatorKind.AMOUNT, "99999999999999999").error())
                .isEqualTo("value.tooLarge");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "1".repeat(41)).error())
                .isEqualTo("value.tooLong");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "1e5").error()).isNull();
    }

    /** Issue 16 (L5): "1,5" was stored as 15 and "2,75" as 275 without a word. */
    @Test
    void aCommaIsOnlyAThousandsSeparator() {
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "2,664").value()).isEqualByComparingTo("2664");
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "1,234,567").value()).isEqualByComparingTo("1234567");
        assertThat(ValueInput.parse(IndicatorKind.AMOUNT, "1,234.5").value()).isEqualByComparingTo("1234.5");
        // the full-width comma of a Chinese keyboard is the same key
        assertThat(ValueInput.parse(IndicatorKind.COUNT, "２，６６４").value()).isEqualByComparingTo("2664");
        assertThat(ValueInput.parse(IndicatorKind.RATE, "1,5%").error()).isEqualTo("value.misplacedComma");
        for (String typed :
                new String[] {"1,5", "2,75", "12,34,567", "1,2345", ",123", "123,", "1,,000", "1.234,5", "1，5"}) {
            assertThat(ValueInput.parse(IndicatorKind.AMOUNT, typed).error())
                    .as(typed)
                    .isEqualTo("value.misplacedComma");
        }
        assertThat(ValueInput.parse(IndicatorKind.AMOUNT, "1,5件").error()).isEqualTo("value.notANumber");
    }
}
