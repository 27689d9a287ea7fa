package cn.fazhi.portal.config;

import org.springframework.validation.Errors;

/**
 * Input a form's annotations cannot judge alone, refused by a service: the form field it is about
 * and the key (with arguments) of the message to show next to it, in the user's language. A
 * controller that does not catch it answers 400 (see {@link RuleRefusedException}).
 */
public abstract class FieldInputException extends RuleRefusedException {

    private final String field;
    private final transient Object[] args;

    protected FieldInputException(String field, String messageKey, Object... args) {
        super(field + ": " + messageKey, messageKey);
        this.field = field;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }

    /**
     * Shows the refusal next to its field of the form (on the form as a whole when it names no
     * field, as {@link Errors#rejectValue} does), as every form's POST does with a service's refusal.
     */
    public void rejectOn(Errors errors) {
        errors.rejectValue(field, messageKey(), args(), null);
    }
}
