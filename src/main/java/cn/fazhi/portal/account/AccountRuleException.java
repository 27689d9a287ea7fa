package cn.fazhi.portal.account;

/**
 * A request the account rules refuse: a taken username, a scope that does not fit the role,
 * the last administrator... Carries the form field (or null for the whole form) and a message key.
 */
public class AccountRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public AccountRuleException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
