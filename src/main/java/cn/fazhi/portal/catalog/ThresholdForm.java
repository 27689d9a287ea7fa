package cn.fazhi.portal.catalog;

import cn.fazhi.portal.config.YearText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A year's coverage threshold as typed (a percentage; blank: the default applies again). The
 * percentage itself is read by {@link ScoringSettingService#refusals(ThresholdForm)}.
 */
record ThresholdForm(
        @NotNull(message = "{scoringAdmin.badYear}")
        @Pattern(regexp = "20(1[5-9]|[2-9][0-9])|2100", message = "{scoringAdmin.badYear}")
        String year,

        String threshold) {

    /** The year, once the annotations took its text (null before). */
    Integer yearNumber() {
        return yearOf(year);
    }

    /** A year the table takes, or null. */
    static Integer yearOf(String typed) {
        return YearText.parse(typed, ScoringSettingService.FIRST_YEAR, ScoringSettingService.LAST_YEAR);
    }
}
