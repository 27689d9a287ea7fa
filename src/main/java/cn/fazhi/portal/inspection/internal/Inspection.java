package cn.fazhi.portal.inspection.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 督察: an inspection of one county in one year by a provincial or prefectural body. */
@Entity
@Table(name = "inspection")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Inspection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String countyCode;

    private int year;

    @Enumerated(EnumType.STRING)
    private InspectionKind kind;

    private LocalDate startedOn;

    private LocalDate endedOn;

    private String inspectingBody;

    private String inspectors;

    private String summary;

    private Long createdBy;

    private Instant createdAt;

    @Version
    private int version;

    @OneToMany(mappedBy = "inspection", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("deadline, id")
    private List<InspectionFinding> findings = new ArrayList<>();

    public Inspection(
            String countyCode,
            int year,
            InspectionKind kind,
            LocalDate startedOn,
            LocalDate endedOn,
            String inspectingBody,
            String inspectors,
            String summary,
            Long createdBy,
            Instant createdAt) {
        this.countyCode = countyCode;
        this.year = year;
        this.kind = kind;
        this.startedOn = startedOn;
        this.endedOn = endedOn;
        this.inspectingBody = inspectingBody;
        this.inspectors = inspectors;
        this.summary = summary;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void edit(
            InspectionKind kind,
            int year,
            LocalDate startedOn,
            LocalDate endedOn,
            String inspectingBody,
            String inspectors,
            String summary) {
        this.kind = kind;
        this.year = year;
        this.startedOn = startedOn;
        this.endedOn = endedOn;
        this.inspectingBody = inspectingBody;
        this.inspectors = inspectors;
        this.summary = summary;
    }

    public InspectionFinding addFinding(
            String description,
            FindingSeverity severity,
            String sectionCode,
            String indicatorCode,
            LocalDate deadline) {
        InspectionFinding finding =
                new InspectionFinding(this, description, severity, sectionCode, indicatorCode, deadline);
        findings.add(finding);
        return finding;
    }
}
