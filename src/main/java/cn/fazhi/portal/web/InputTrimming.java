package cn.fazhi.portal.web;

import java.beans.PropertyEditorSupport;
import java.util.Set;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every text a request carries into a form object reaches the controller without the spaces around
 * it (a code pasted with a trailing space, a name typed with a leading one): one rule instead of a
 * {@code strip()} in each controller and form. Spaces as {@link String#strip()} knows them, the
 * full-width space (U+3000) of Chinese input included, which Spring's {@code StringTrimmerEditor}
 * ({@link String#trim()}) would leave.
 *
 * <p>Single request parameters and path variables are left as sent: they name things the pages
 * choose (a section's code, a county's) and must match exactly: a section "LEADERSHIP\n" is one
 * the form does not have (a bad request), not quietly "LEADERSHIP". A controller that reads a
 * typed text from a single parameter (a search, a date) strips it itself.
 *
 * <p>A blank text stays an empty text rather than becoming null, as it was before, so that the
 * forms' checks ({@code @NotBlank}, "required") and what a page shows back do not change. Passwords
 * are kept exactly as typed: a space is part of a password. The report form's fields (values,
 * explanations, custom figures, narrative) are left as typed by its own controller: the report keeps
 * what the clerk typed, and its own rules decide what a value is.
 */
@ControllerAdvice
class InputTrimming {

    /** Fields whose value is a secret to compare, not a text to clean. */
    static final Set<String> AS_TYPED = Set.of("password", "currentPassword", "newPassword", "confirmPassword");

    @InitBinder
    void trim(WebDataBinder binder) {
        if (binder.getTarget() == null && binder.getTargetType() == null) {
            return; // a single parameter's conversion, not a form
        }
        binder.registerCustomEditor(String.class, new Stripped());
        for (String field : AS_TYPED) {
            binder.registerCustomEditor(String.class, field, new AsTyped());
        }
    }

    /** A text without the white space around it. */
    private static final class Stripped extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(text == null ? null : text.strip());
        }
    }

    /** Leaves a text as it came. */
    private static final class AsTyped extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(text);
        }
    }
}
