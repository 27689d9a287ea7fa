package cn.fazhi.portal.audit.internal;

/**
 * What a verification of the audit log's hash chain found (审计日志完整性核验).
 *
 * @param checked links found intact, from the first
 * @param problem what is wrong at the first broken link, or null when the whole chain holds
 * @param brokenSeq the position in the chain of the first broken link, when there is one
 * @param brokenEventId the audit event at that link, when known
 * @param headHash the chain's last hash in hex: written down elsewhere, it lets a later check show
 *     that the log was not rewritten as a whole either
 */
public record AuditChainReport(long checked, Problem problem, Long brokenSeq, Long brokenEventId, String headHash) {

    public enum Problem {
        /** The event's content differs from what was sealed: it was edited. */
        EVENT_CHANGED,
        /** The link names an event that no longer exists: it was deleted. */
        EVENT_MISSING,
        /** A position of the chain is missing: a link was deleted. */
        LINK_MISSING,
        /** The link does not follow from the previous one: links were replaced or reordered. */
        LINK_BROKEN,
        /** The head does not match the last link: links at the end were removed or rewritten. */
        HEAD_MISMATCH,
        /** An event was never sealed: it was written with the database's triggers off. */
        UNSEALED
    }

    public boolean intact() {
        return problem == null;
    }
}
