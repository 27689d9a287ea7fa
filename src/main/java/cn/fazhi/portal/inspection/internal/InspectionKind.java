package cn.fazhi.portal.inspection.internal;

/** 综合督察, 专项督察, 案卷评查, 实地核查, 明察暗访. */
public enum InspectionKind {
    COMPREHENSIVE,
    SPECIAL,
    CASE_FILE_REVIEW,
    ON_SITE,
    UNANNOUNCED
}
