package cn.fazhi.portal.config;

import java.util.List;
import org.springframework.validation.Errors;

/**
 * Input a form's annotations cannot judge alone, refused by a service: each form field it is about
 * and the key (with arguments) of the message to show next to it, in the user's language. A
 * controller that does not catch it answers 400 (see {@link RuleRefusedException}); the forms' one
 * POST shape ({@link FormSubmission}) shows it next to its fields.
 */
public abstract class FieldInputException extends RuleRefusedException {

    private final transient List<FieldRefusal> refusals;

    protected FieldInputException(String field, String messageKey, Object... args) {
        this(List.of(new FieldRefusal(field, messageKey, args)));
    }

    /** Every field refused at once (at least one); the first one names the exception. */
    protected FieldInputException(List<FieldRefusal> refusals) {
        super(
                refusals.get(0).field() + ": " + refusals.get(0).messageKey(),
                refusals.get(0).messageKey());
        this.refusals = List.copyOf(refusals);
    }

    /** The first field refused. */
    public String field() {
        return refusals.get(0).field();
    }

    public Object[] args() {
        return refusals.get(0).args().clone();
    }

    /** Every field refused, in the order found. */
    public List<FieldRefusal> refusals() {
        return refusals;
    }

    /**
     * Shows the refusals next to their fields of the form (on the form as a whole for one that
     * names no field, as {@link Errors#rejectValue} does), as every form's POST does with a
     * service's refusal.
     */
    public void rejectOn(Errors errors) {
        FormSubmission.reject(errors, refusals);
    }
}
