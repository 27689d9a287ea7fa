package cn.fazhi.portal.inspection.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface FindingEvidenceRepository extends Repository<FindingEvidence, Long> {

    FindingEvidence save(FindingEvidence evidence);

    /** The list without the files' content. */
    @Query("""
            select new cn.fazhi.portal.inspection.internal.EvidenceView(e.id, e.fileName, e.fileType, e.sizeBytes,
                e.uploadedAt)
            from FindingEvidence e where e.finding.id = :findingId order by e.uploadedAt, e.id""")
    List<EvidenceView> listOf(long findingId);

    Optional<FindingEvidence> findByIdAndFindingId(long id, long findingId);
}
