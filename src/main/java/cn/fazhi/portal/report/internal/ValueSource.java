package cn.fazhi.portal.report.internal;

/** Whether the clerk typed a value or the portal computed it from the rate's parts. */
public enum ValueSource {
    TYPED,
    COMPUTED
}
