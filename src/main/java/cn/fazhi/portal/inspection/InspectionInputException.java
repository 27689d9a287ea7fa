package cn.fazhi.portal.inspection;

/**
 * Input the forms' annotations cannot judge alone (an end before the start, an indicator of
 * another section, a file that is not what it claims): the field and the message key to show.
 */
public class InspectionInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    InspectionInputException(String field, String messageKey, Object... args) {
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
