package cn.fazhi.portal.inspection;

/** 一般, 较重, 严重. */
public enum FindingSeverity {
    MINOR,
    MODERATE,
    SEVERE
}
