package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.config.YearText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new validation rule as the administrator types it. Its indicators and operator are judged by
 * {@link CatalogAdminService#refusals(RuleForm)}.
 */
public record RuleForm(
        @NotBlank(message = "{catalogAdmin.required}")
        @Pattern(regexp = "|" + CatalogAdminService.CODE_PATTERN, message = "{catalogAdmin.badCode}")
        String code,

        String leftCode,
        String operator,
        String rightCode,

        @NotNull(message = "{catalogAdmin.required}")
        @Pattern(regexp = "ERROR|WARNING", message = "{catalogAdmin.required}")
        String severity,

        @NotBlank(message = "{catalogAdmin.required}") @Size(max = 300, message = "{catalogAdmin.tooLong}")
        String messageZh,

        @Size(max = 300, message = "{catalogAdmin.tooLong}") String messageEn,

        @NotNull(message = "{catalogAdmin.badYear}")
        @Pattern(regexp = CatalogAdminService.YEAR_PATTERN, message = "{catalogAdmin.badYear}")
        String firstYear) {

    /** The first year as a number, once the annotations took its text (null before). */
    public Integer firstYearNumber() {
        return YearText.parse(firstYear, CatalogAdminService.FIRST_YEAR, CatalogAdminService.LAST_YEAR);
    }

    public static RuleForm blank(int firstYear) {
        return new RuleForm("", "", "<=", "", "ERROR", "", "", Integer.toString(firstYear));
    }

    static RuleForm of(ValidationRule rule) {
        return new RuleForm(
                rule.getCode(),
                rule.getLeftCode(),
                rule.getOperator().symbol(),
                rule.getRightCode(),
                rule.getSeverity().name(),
                rule.getMessageZh(),
                rule.getMessageEn(),
                Integer.toString(rule.getFirstYear()));
    }
}
