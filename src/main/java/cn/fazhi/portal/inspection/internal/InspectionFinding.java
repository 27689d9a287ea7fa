package cn.fazhi.portal.inspection.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 督察发现问题: a problem an inspection found, to be rectified by the county before its deadline. */
@Entity
@Table(name = "inspection_finding")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class InspectionFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Inspection inspection;

    private String description;

    @Enumerated(EnumType.STRING)
    private FindingSeverity severity;

    private String sectionCode;

    private String indicatorCode;

    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    private FindingStatus status = FindingStatus.OPEN;

    private String rectificationReply;

    private Instant repliedAt;

    private Long repliedBy;

    private String reviewComment;

    private Instant acceptedAt;

    private Long acceptedBy;

    private LocalDate rectifiedOn;

    private Instant returnedAt;

    private Long returnedBy;

    @Version
    private int version;

    InspectionFinding(
            Inspection inspection,
            String description,
            FindingSeverity severity,
            String sectionCode,
            String indicatorCode,
            LocalDate deadline) {
        this.inspection = inspection;
        this.description = description;
        this.severity = severity;
        this.sectionCode = sectionCode;
        this.indicatorCode = indicatorCode;
        this.deadline = deadline;
    }

    /** Changes what the reviewer recorded; a closed finding is read-only. */
    public void edit(
            String description,
            FindingSeverity severity,
            String sectionCode,
            String indicatorCode,
            LocalDate deadline) {
        refuseIfClosed("edit");
        this.description = description;
        this.severity = severity;
        this.sectionCode = sectionCode;
        this.indicatorCode = indicatorCode;
        this.deadline = deadline;
    }

    /**
     * The county's rectification report: what was done and when. It may be written again until the
     * finding is accepted (a reply sent back, or one the reviewer has not looked at yet).
     */
    public void reply(String text, LocalDate rectifiedOn, Long by, Instant at) {
        refuseIfClosed("reply to");
        this.rectificationReply = text;
        this.rectifiedOn = rectifiedOn;
        this.repliedBy = by;
        this.repliedAt = at;
        this.status = FindingStatus.RECTIFYING;
    }

    /** The reviewer accepts the county's reply: the finding is closed and read-only from now on. */
    public void accept(Long by, Instant at) {
        refuseUnlessAwaitingReview("accept");
        this.acceptedBy = by;
        this.acceptedAt = at;
        this.status = FindingStatus.CLOSED;
    }

    /** The reviewer sends the reply back with a comment: the county rectifies further. */
    public void sendBack(String comment, Long by, Instant at) {
        refuseUnlessAwaitingReview("send back");
        this.reviewComment = comment;
        this.returnedBy = by;
        this.returnedAt = at;
        this.status = FindingStatus.RECTIFYING;
    }

    /** Evidence can be attached until the finding is closed. */
    public void requireOpenForEvidence() {
        refuseIfClosed("attach evidence to");
    }

    /** A reply the reviewer has not yet accepted or sent back. */
    public boolean isAwaitingReview() {
        return status == FindingStatus.RECTIFYING
                && repliedAt != null
                && (returnedAt == null || repliedAt.isAfter(returnedAt));
    }

    public boolean isClosed() {
        return status == FindingStatus.CLOSED;
    }

    /** Days from today to the deadline: 0 on the day itself, negative once it has passed. */
    public long daysLeftOn(LocalDate today) {
        return ChronoUnit.DAYS.between(today, deadline);
    }

    private void refuseIfClosed(String action) {
        if (status == FindingStatus.CLOSED) {
            throw new IllegalFindingTransitionException(action, status);
        }
    }

    private void refuseUnlessAwaitingReview(String action) {
        if (!isAwaitingReview()) {
            throw new IllegalFindingTransitionException(action, status);
        }
    }

    /** Past its deadline (a date in China) and not yet accepted. */
    public boolean isOverdueOn(LocalDate today) {
        return status != FindingStatus.CLOSED && today.isAfter(deadline);
    }
}
