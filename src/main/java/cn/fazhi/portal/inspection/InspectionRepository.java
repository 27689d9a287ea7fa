package cn.fazhi.portal.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

interface InspectionRepository extends Repository<Inspection, Long> {

    Inspection save(Inspection inspection);

    @EntityGraph(attributePaths = "findings")
    List<Inspection> findByCountyCodeOrderByStartedOnDesc(String countyCode);
}
