package cn.fazhi.portal.config;

/**
 * A step the present state does not allow (冲突): someone else changed the thing since the page
 * was opened (a stale version), or its status does not allow the step (editing an approved
 * report). 409.
 */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        this(message, null);
    }

    public ConflictException(String message, String messageKey) {
        super(message, messageKey);
    }
}
