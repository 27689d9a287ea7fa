package cn.fazhi.portal.inspection;

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
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 督察发现问题: a problem an inspection found, to be rectified by the county before its deadline. */
@Entity
@Table(name = "inspection_finding")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class InspectionFinding {

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

    @Version
    private int version;

    InspectionFinding(Inspection inspection, String description, FindingSeverity severity, String sectionCode,
            String indicatorCode, LocalDate deadline) {
        this.inspection = inspection;
        this.description = description;
        this.severity = severity;
        this.sectionCode = sectionCode;
        this.indicatorCode = indicatorCode;
        this.deadline = deadline;
    }

    /** Past its deadline (a date in China) and not yet accepted. */
    boolean isOverdueOn(LocalDate today) {
        return status != FindingStatus.CLOSED && today.isAfter(deadline);
    }
}
