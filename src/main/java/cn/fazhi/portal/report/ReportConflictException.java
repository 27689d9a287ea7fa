package cn.fazhi.portal.report;

/** Someone else saved the report since this page was opened (optimistic locking). */
public class ReportConflictException extends RuntimeException {

    private final int currentVersion;

    ReportConflictException(int currentVersion) {
        super("the report changed since it was opened");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
