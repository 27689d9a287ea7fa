package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.ConflictException;

/** A step the finding's state does not allow, such as editing a closed finding or accepting no reply. */
public class IllegalFindingTransitionException extends ConflictException {

    public IllegalFindingTransitionException(String action, FindingStatus status) {
        super("cannot " + action + " a finding in status " + status);
    }
}
