package cn.fazhi.portal.inspection.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface InspectionFindingRepository
        extends Repository<InspectionFinding, Long>, JpaSpecificationExecutor<InspectionFinding> {

    InspectionFinding save(InspectionFinding finding);

    @EntityGraph(attributePaths = "inspection")
    Optional<InspectionFinding> findById(long id);

    @Override
    @EntityGraph(attributePaths = "inspection")
    Page<InspectionFinding> findAll(Specification<InspectionFinding> spec, Pageable pageable);

    @Override
    @EntityGraph(attributePaths = "inspection")
    List<InspectionFinding> findAll(Specification<InspectionFinding> spec, org.springframework.data.domain.Sort sort);

    @EntityGraph(attributePaths = "inspection")
    @Query("""
            select f from InspectionFinding f where f.inspection.countyCode = :countyCode
            and f.status <> cn.fazhi.portal.inspection.internal.FindingStatus.CLOSED order by f.deadline, f.id""")
    List<InspectionFinding> findNotClosedOf(String countyCode);
}
