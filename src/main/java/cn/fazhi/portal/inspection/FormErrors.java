package cn.fazhi.portal.inspection;

import java.util.function.Supplier;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one POST shape of the inspection forms: a domain refusal is shown next to the field it is about. */
final class FormErrors {

    private FormErrors() {}

    /**
     * Runs the step when the form is valid and says it was done.
     *
     * @param step does the work and returns where to go next
     * @return that redirect, or null when the form is to be shown again with its errors
     */
    static String submit(BindingResult result, RedirectAttributes redirect, String doneKey, Supplier<String> step) {
        if (result.hasErrors()) {
            return null;
        }
        try {
            String next = step.get();
            redirect.addFlashAttribute("flash", doneKey);
            return next;
        } catch (InspectionInputException e) {
            e.rejectOn(result);
            return null;
        }
    }
}
