package cn.fazhi.portal.inspection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A step the finding's state does not allow, such as editing a closed finding or accepting no reply. */
@ResponseStatus(HttpStatus.CONFLICT)
public class IllegalFindingTransitionException extends RuntimeException {

    IllegalFindingTransitionException(String action, FindingStatus status) {
        super("cannot " + action + " a finding in status " + status);
    }
}
