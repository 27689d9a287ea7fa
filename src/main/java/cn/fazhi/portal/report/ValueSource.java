package cn.fazhi.portal.report;

/** Whether the clerk typed a value or the portal computed it from the rate's parts. */
public enum ValueSource {
    TYPED,
    COMPUTED
}
