package cn.fazhi.portal.inspection.internal;

/** 一般, 较重, 严重. */
public enum FindingSeverity {
    MINOR,
    MODERATE,
    SEVERE
}
