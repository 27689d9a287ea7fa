package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.report.ReportPublications;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The publication record as typed: on the county government's website (a date and an address) or
 * on this portal. The form's checks are those of a single field; {@link ReportPublications} checks
 * what depends on the report (a date before its approval) and the rest again, whoever calls it.
 *
 * @param where {@code WEBSITE} or {@code PORTAL}
 * @param date yyyy-MM-dd, for the website
 * @param url the website's address
 */
public record PublicationForm(
        @NotBlank(message = "{publication.whereRequired}")
        @Pattern(regexp = "WEBSITE|PORTAL", message = "{publication.whereRequired}")
        String where,

        @Pattern(regexp = "|\\s*\\d{4}-\\d{2}-\\d{2}\\s*", message = "{publication.dateFormat}")
        String date,

        @WebAddress String url) {

    public static final String WEBSITE = "WEBSITE";
    public static final String PORTAL = "PORTAL";

    public boolean onPortal() {
        return PORTAL.equals(where);
    }

    /** An address of the web by its form: the first problem's message key, or null (blank is left to the service). */
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = WebAddress.Validator.class)
    @interface WebAddress {

        String message() default "{publication.urlForm}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<WebAddress, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                String problem = PublicationAddress.problemOf(value);
                if (problem == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{" + problem + "}")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
