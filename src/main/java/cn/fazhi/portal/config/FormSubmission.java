package cn.fazhi.portal.config;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one POST shape of the portal's forms (表单提交): the annotations of the form's record judge
 * each field, the service judges what needs the domain (a {@link FieldInputException}, or the
 * refusals it lists beforehand so that they are shown at once with the annotations'), each refusal
 * lands next to its field, and the change is made only when nothing was refused. Done, the next
 * page says so with a flashed message.
 */
public final class FormSubmission {

    private FormSubmission() {}

    /**
     * Runs the step when the form is valid and says it was done.
     *
     * @param doneKey the key of the message the next page shows, or null for none
     * @param step does the work and returns where to go next
     * @return that redirect, or null when the form is to be shown again with its errors
     */
    public static String submit(
            BindingResult result, RedirectAttributes redirect, String doneKey, Supplier<String> step) {
        return submit(result, List.of(), redirect, doneKey, step);
    }

    /**
     * The same, with the refusals a service found beforehand shown beside the annotations' (one
     * message a field).
     */
    public static String submit(
            BindingResult result,
            List<FieldRefusal> refusals,
            RedirectAttributes redirect,
            String doneKey,
            Supplier<String> step) {
        reject(result, refusals);
        if (result.hasErrors()) {
            return null;
        }
        try {
            String next = step.get();
            if (doneKey != null) {
                redirect.addFlashAttribute("flash", doneKey);
            }
            return next;
        } catch (FieldInputException e) {
            e.rejectOn(result);
            return null;
        }
    }

    /**
     * A one-click form of a page that is not its own (retire from a year, delete): there is no form
     * page to show again, so the step's refusal, or the form's when its annotations refuse it, is
     * flashed as the page's error and the page is shown again. A refusal without a message (no
     * page sends that) and anything not found are left to the error pages.
     *
     * @param invalidKey the message when the form's annotations refuse it (its one typed field)
     * @return whether the step was done
     */
    public static boolean click(
            BindingResult result, RedirectAttributes redirect, String invalidKey, String doneKey, Runnable step) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("flashError", invalidKey);
            return false;
        }
        return click(redirect, doneKey, step);
    }

    /** A one-click button without typed input (restore, delete): its refusal flashed as the page's error. */
    public static boolean click(RedirectAttributes redirect, String doneKey, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("flash", doneKey);
            return true;
        } catch (RuleRefusedException | ConflictException e) {
            if (e.messageKey() == null) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", e.messageKey());
            return false;
        }
    }

    /** Adds the refusals to the form's errors, each on its field unless that field has one already. */
    public static void reject(Errors errors, List<FieldRefusal> refusals) {
        for (FieldRefusal r : refusals) {
            if (r.field() == null || r.field().isEmpty()) {
                errors.reject(r.messageKey(), r.args(), null);
            } else if (!errors.hasFieldErrors(r.field())) {
                errors.rejectValue(r.field(), r.messageKey(), r.args(), null);
            }
        }
    }
}
