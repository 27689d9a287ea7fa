package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.ConflictException;

/** Someone changed the inspection or finding since this page was opened (optimistic locking). */
public class InspectionConflictException extends ConflictException {

    InspectionConflictException() {
        super("changed since it was opened");
    }

    public static void check(int expected, int actual) {
        if (expected != actual) {
            throw new InspectionConflictException();
        }
    }
}
