package cn.fazhi.portal.inspection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone changed the inspection or finding since this page was opened (optimistic locking). */
@ResponseStatus(HttpStatus.CONFLICT)
public class InspectionConflictException extends RuntimeException {

    InspectionConflictException() {
        super("changed since it was opened");
    }

    static void check(int expected, int actual) {
        if (expected != actual) {
            throw new InspectionConflictException();
        }
    }
}
