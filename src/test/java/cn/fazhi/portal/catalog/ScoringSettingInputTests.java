package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a typed coverage threshold and year are read ({@link ScoringSettingService}'s parsing), without
 * Spring: a percentage from 1 to 100 with at most one decimal, as typed on a Chinese keyboard too. The
 * page that shows the messages is tested in {@link ScoringSettingTests}.
 */
class ScoringSettingInputTests {

    @Test
    void aPercentageBecomesTheFractionTheTableKeeps() {
        assertThat(ScoringSettingService.fraction("75")).isEqualByComparingTo("0.750");
        assertThat(ScoringSettingService.fraction("66.7")).isEqualByComparingTo("0.667");
        assertThat(ScoringSettingService.fraction("66.7 %")).isEqualByComparingTo("0.667");
        assertThat(ScoringSettingService.fraction("６６．７％")).isEqualByComparingTo("0.667");
        assertThat(ScoringSettingService.fraction("1")).isEqualByComparingTo("0.010");
        assertThat(ScoringSettingService.fraction("100")).isEqualByComparingTo("1.000");
        assertThat(ScoringSettingService.fraction("80.0")).isEqualByComparingTo("0.800");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.667", "abc", "150", "66.67", "0", "-5", "", "100.1"})
    void anythingElseIsNoThreshold(String typed) {
        assertThat(ScoringSettingService.fraction(typed)).isNull();
    }

    @Test
    void aStoredFractionIsShownAsAPercentage() {
        assertThat(ScoringSettingService.percent(new BigDecimal("0.667"))).isEqualTo("66.7");
        assertThat(ScoringSettingService.percent(new BigDecimal("0.750"))).isEqualTo("75");
        assertThat(ScoringSettingService.percent(ScoringSettingService.DEFAULT_THRESHOLD))
                .isEqualTo("66.7");
    }

    @Test
    void aYearIsFourDigitsBetween2015And2100() {
        assertThat(ThresholdForm.yearOf(" 2024 ")).isEqualTo(2024);
        assertThat(ThresholdForm.yearOf("2015")).isEqualTo(2015);
        assertThat(ThresholdForm.yearOf("2100")).isEqualTo(2100);
        assertThat(ThresholdForm.yearOf("2014")).isNull();
        assertThat(ThresholdForm.yearOf("2101")).isNull();
        assertThat(ThresholdForm.yearOf("20x9")).isNull();
        assertThat(ThresholdForm.yearOf(null)).isNull();
    }
}
