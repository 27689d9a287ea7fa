package cn.fazhi.portal.report;

/** 草稿 → 已报送 → 已退回 (with a reviewer's comment) → 已报送 … → 已审核通过 (locked). */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED;

    /** Approved reports are public, as the law requires. */
    public boolean isPublished() {
        return this == APPROVED;
    }
}
