package cn.fazhi.portal.review;

import jakarta.validation.ConstraintViolation;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Reads a refused decision from what its redirect flashed: the form as typed and, for a field, the
 * message key of its error (a constraint's {@code {key}} or a domain refusal's key).
 */
public final class RefusedDecision {

    private RefusedDecision() {}

    /** The key of the message shown next to the field, or null when the field has no error. */
    public static String keyOf(Map<String, ?> flash, String form, String field) {
        BindingResult result = (BindingResult) flash.get(BindingResult.MODEL_KEY_PREFIX + form);
        if (result == null) {
            return null;
        }
        FieldError error = result.getFieldError(field);
        if (error == null) {
            return null;
        }
        if (error.contains(ConstraintViolation.class)) {
            String template = error.unwrap(ConstraintViolation.class).getMessageTemplate();
            return template.substring(1, template.length() - 1);
        }
        return error.getCode();
    }
}
