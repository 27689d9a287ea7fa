package cn.fazhi.portal.report;

/** A publication record the service refuses, with the field it is about and the message's key. */
public class PublicationInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    PublicationInputException(String field, String messageKey, Object... args) {
        super(messageKey);
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
        return args;
    }
}
