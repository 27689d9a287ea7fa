package cn.fazhi.portal.config;

/**
 * A refusal by the domain (业务拒绝), in its own words: what is asked for does not exist
 * ({@link NotFoundException}), clashes with the state someone else left it in
 * ({@link ConflictException}) or breaks a rule ({@link RuleRefusedException}). Services throw
 * these and know nothing of HTTP; one advice of the web layer answers each with its page (404,
 * 409, 400). Not being allowed is {@link NotAllowedException}, which stays Spring Security's
 * {@code AccessDeniedException} so that an anonymous visitor is still sent to the login page.
 *
 * @see cn.fazhi.portal.config.ErrorPages
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;

    protected DomainException(String message, String messageKey) {
        super(message);
        this.messageKey = messageKey;
    }

    /** The key of the message the error page shows in place of its general text, or null. */
    public String messageKey() {
        return messageKey;
    }
}
