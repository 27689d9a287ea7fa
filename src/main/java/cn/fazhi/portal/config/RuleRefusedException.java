package cn.fazhi.portal.config;

/**
 * Input a rule of the domain refuses (不符合规则): a section the year's catalogue does not have, a
 * year no report can be opened for. A page that offers the input shows the refusal next to its
 * field (see {@link FieldInputException}); reached otherwise, it is a request no page sends. 400.
 */
public class RuleRefusedException extends DomainException {

    public RuleRefusedException(String message) {
        this(message, null);
    }

    public RuleRefusedException(String message, String messageKey) {
        super(message, messageKey);
    }
}
