package cn.fazhi.portal.inspection.internal;

/**
 * The stored state of a finding. OVERDUE is not stored: it is what an unaccepted finding is once
 * its deadline has passed, see {@link InspectionFinding#isOverdueOn}.
 */
public enum FindingStatus {
    OPEN,
    RECTIFYING,
    CLOSED
}
