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
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * 整改佐证材料: a file the county attached to its rectification of a finding. Never changed once
 * stored. Its content is kept apart, in pieces ({@link EvidenceChunks}), and never loaded with it.
 */
@Entity
@Table(name = "finding_evidence")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class FindingEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private InspectionFinding finding;

    private String fileName;

    @Enumerated(EnumType.STRING)
    private EvidenceType fileType;

    private long sizeBytes;

    private String sha256;

    private Long uploadedBy;

    private Instant uploadedAt;

    FindingEvidence(
            InspectionFinding finding,
            String fileName,
            EvidenceType fileType,
            long sizeBytes,
            String sha256,
            Long uploadedBy,
            Instant uploadedAt) {
        this.finding = finding;
        this.fileName = fileName;
        this.fileType = fileType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }
}
