package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.config.YearText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new indicator as the administrator types it (every field a string, so that whatever was typed
 * is shown back with its error). What needs the catalogue (a code already used, the section, the
 * parts of a rate, the target) is judged by {@link CatalogAdminService#refusals(IndicatorForm)}.
 *
 * @param perCapita "true" when compared per 10,000 residents (按每万常住人口比较; a checkbox: absent
 *     when not ticked)
 */
public record IndicatorForm(
        @NotBlank(message = "{catalogAdmin.required}")
        @Pattern(regexp = "|" + CatalogAdminService.CODE_PATTERN, message = "{catalogAdmin.badCode}")
        String code,

        String sectionCode,

        @NotBlank(message = "{catalogAdmin.required}") @Size(max = 200, message = "{catalogAdmin.tooLong}")
        String nameZh,

        @NotBlank(message = "{catalogAdmin.required}") @Size(max = 200, message = "{catalogAdmin.tooLong}")
        String nameEn,

        @NotBlank(message = "{catalogAdmin.required}") @Size(max = 20, message = "{catalogAdmin.tooLong}")
        String unit,

        @NotNull(message = "{catalogAdmin.required}")
        @Pattern(regexp = "COUNT|AMOUNT|RATE", message = "{catalogAdmin.required}")
        String kind,

        @NotNull(message = "{catalogAdmin.required}")
        @Pattern(regexp = "UP|DOWN|NONE", message = "{catalogAdmin.required}")
        String direction,

        String numeratorCode,
        String denominatorCode,
        String targetOperator,
        String targetValue,

        @Size(max = 2000, message = "{catalogAdmin.tooLong}")
        String definitionZh,

        @Size(max = 2000, message = "{catalogAdmin.tooLong}")
        String definitionEn,

        @NotNull(message = "{catalogAdmin.badYear}")
        @Pattern(regexp = CatalogAdminService.YEAR_PATTERN, message = "{catalogAdmin.badYear}")
        String firstYear,

        String perCapita) {

    /** The first year as a number, once the annotations took its text (null before). */
    public Integer firstYearNumber() {
        return YearText.parse(firstYear, CatalogAdminService.FIRST_YEAR, CatalogAdminService.LAST_YEAR);
    }

    /** Whether the checkbox was ticked (sent as "true", or a browser's default "on"). */
    public boolean perCapitaTicked() {
        return new PerCapitaForm(perCapita).ticked();
    }

    public static IndicatorForm blank(int firstYear) {
        return new IndicatorForm(
                "", "", "", "", "", "COUNT", "UP", "", "", "", "", "", "", Integer.toString(firstYear), "");
    }
}
