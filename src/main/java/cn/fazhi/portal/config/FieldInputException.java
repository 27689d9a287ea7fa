package cn.fazhi.portal.config;

/**
 * Input a form's annotations cannot judge alone, refused by a service: the form field it is about
 * and the key (with arguments) of the message to show next to it, in the user's language.
 */
public abstract class FieldInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    protected FieldInputException(String field, String messageKey, Object... args) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
