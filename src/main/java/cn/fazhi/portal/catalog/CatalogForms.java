package cn.fazhi.portal.catalog;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;

/**
 * The one POST shape of the catalogue's forms: the annotations of the form's record judge each
 * field, the service judges what needs the catalogue (its refusals land on their fields as well, all
 * shown at once), and the change is made only when nothing was refused.
 */
final class CatalogForms {

    private CatalogForms() {}

    /** Adds the service's refusals to the form's errors, each on its field (one message a field). */
    static void reject(BindingResult result, List<FieldRefusal> refusals) {
        for (FieldRefusal r : refusals) {
            if (!result.hasFieldErrors(r.field())) {
                result.rejectValue(r.field(), r.messageKey(), r.args(), null);
            }
        }
    }

    /**
     * Checks the form with the service, then makes the change when nothing was refused.
     *
     * @param step makes the change and returns where to go next
     * @return that redirect, or null when the form is to be shown again with its errors
     */
    static String submit(BindingResult result, List<FieldRefusal> refusals, Supplier<String> step) {
        reject(result, refusals);
        if (result.hasErrors()) {
            return null;
        }
        try {
            return step.get();
        } catch (CatalogInputException e) {
            reject(result, e.refusals());
            return null;
        }
    }
}
