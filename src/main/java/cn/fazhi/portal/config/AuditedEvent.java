package cn.fazhi.portal.config;

/**
 * A past-tense domain event that the audit log (审计日志) keeps: every module announces what happened
 * by publishing one, and the audit module listens, in the same transaction, so that a change and its
 * audit entry are committed together or not at all. It lives here, where every module may look, so
 * that the modules need not depend on the audit module to be audited, nor the audit module on them.
 *
 * <p>Who acted and from which address are not part of the event: the audit log takes them from the
 * current login and request, so that no publisher can forget or fake them (see {@link WithActor} for
 * the few events that happen before or after a login).
 */
public interface AuditedEvent {

    /** The audit log's action code, such as {@code REPORT_APPROVED}. */
    String action();

    /** The kind of record that changed, such as {@code AnnualReport}. */
    String entityType();

    /** Which record: written as its {@code toString()}, or none. */
    Object entityId();

    /** The record before the change (anything Jackson can write), or null (the default: nothing was there). */
    default Object before() {
        return null;
    }

    /** The record after the change, or null (the default: nothing is left, or nothing to keep). */
    default Object after() {
        return null;
    }

    /**
     * An event that names who acted instead of the current login: a login, a failed one (nobody: null),
     * a logout, or what the portal does by itself at start-up ("system").
     */
    interface WithActor extends AuditedEvent {

        String actor();
    }
}
