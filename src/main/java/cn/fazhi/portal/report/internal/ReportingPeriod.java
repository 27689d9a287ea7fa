package cn.fazhi.portal.report.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 填报期: the submission deadline an administrator set for a reporting year. */
@Entity
@Table(name = "reporting_period")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ReportingPeriod {

    @Id
    private Integer year;

    private LocalDate submissionDeadline;

    ReportingPeriod(int year, LocalDate submissionDeadline) {
        this.year = year;
        this.submissionDeadline = submissionDeadline;
    }

    void moveDeadline(LocalDate deadline) {
        this.submissionDeadline = deadline;
    }

    // --- issue 18: publication deadline ---

    /** The day reports of the year must be published by, when an administrator set one. */
    private LocalDate publicationDeadline;

    void movePublicationDeadline(LocalDate deadline) {
        this.publicationDeadline = deadline;
    }
}
