package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.FieldInputException;

/**
 * A request the account rules refuse: a taken username, a scope that does not fit the role,
 * the last administrator... Carries the form field (or null for the whole form) and a message key.
 */
public class AccountRuleException extends FieldInputException {

    public AccountRuleException(String field, String messageKey) {
        super(field, messageKey);
    }
}
