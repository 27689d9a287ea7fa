package cn.fazhi.portal.report;

import cn.fazhi.portal.config.ConflictException;

/** Someone else saved the report since this page was opened (optimistic locking). */
public class ReportConflictException extends ConflictException {

    private final int currentVersion;

    ReportConflictException(int currentVersion) {
        super("the report changed since it was opened", "error.409.concurrent");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
