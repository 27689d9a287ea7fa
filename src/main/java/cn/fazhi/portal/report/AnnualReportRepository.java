package cn.fazhi.portal.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

interface AnnualReportRepository extends Repository<AnnualReport, Long> {

    AnnualReport save(AnnualReport report);

    boolean existsByCountyCodeAndYear(String countyCode, int year);

    @EntityGraph(attributePaths = "values")
    Optional<AnnualReport> findByCountyCodeAndYear(String countyCode, int year);

    List<AnnualReport> findByCountyCodeAndStatusInOrderByYearDesc(String countyCode, Collection<ReportStatus> statuses);

    long count();

    /** The custom figures of these names in every report, with their reports and values. */
    @org.springframework.data.jpa.repository.Query("""
            select f from CustomFigure f join fetch f.report r left join fetch r.values
            where f.name in :names order by r.countyCode, r.year, f.id
            """)
    List<CustomFigure> findCustomFiguresNamed(Collection<String> names);

    List<AnnualReport> findByYearAndStatusIn(int year, Collection<ReportStatus> statuses);

    List<AnnualReport> findByStatusIn(Collection<ReportStatus> statuses);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query(
            "update AnnualReport r set r.submissionDeadline = :deadline where r.year = :year")
    int moveDeadlines(int year, java.time.LocalDate deadline);
}
