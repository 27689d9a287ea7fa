package cn.fazhi.portal.inspection;

import cn.fazhi.portal.inspection.internal.Inspection;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface InspectionRepository extends Repository<Inspection, Long> {

    Inspection save(Inspection inspection);

    boolean existsByCountyCodeAndInspectingBody(String countyCode, String inspectingBody);

    @EntityGraph(attributePaths = "findings")
    Optional<Inspection> findById(long id);

    @EntityGraph(attributePaths = "findings")
    List<Inspection> findByCountyCodeOrderByStartedOnDesc(String countyCode);

    /** The newest first; {@code countyCodes} null means every county. */
    @EntityGraph(attributePaths = "findings")
    @Query("""
            select i from Inspection i
            where (:all = true or i.countyCode in :countyCodes) and (:year is null or i.year = :year)
            order by i.startedOn desc, i.id desc""")
    List<Inspection> findWithin(boolean all, Collection<String> countyCodes, Integer year);
}
