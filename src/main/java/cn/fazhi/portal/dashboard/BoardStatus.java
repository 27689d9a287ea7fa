package cn.fazhi.portal.dashboard;

/**
 * Where a county stands on the status board (报送进度) for a year: a report's own status, or late
 * (past its deadline and not sent) or not started (no report). In the order the board counts
 * them. Messages {@code dashboard.status.*}.
 */
enum BoardStatus {
    NOT_STARTED,
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED,
    LATE;

    String messageKey() {
        return "dashboard.status." + name();
    }
}
