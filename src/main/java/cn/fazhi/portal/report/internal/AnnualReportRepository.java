package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.report.ReportStatus;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

public interface AnnualReportRepository extends Repository<AnnualReport, Long> {

    AnnualReport save(AnnualReport report);

    boolean existsByCountyCodeAndYear(String countyCode, int year);

    @EntityGraph(attributePaths = "values")
    Optional<AnnualReport> findByCountyCodeAndYear(String countyCode, int year);

    /**
     * The report alone, for pages that only read it: its values come from {@link #entriesOf} as
     * plain rows, without a managed entity each.
     */
    @org.springframework.data.jpa.repository.Query(
            "select r from AnnualReport r where r.countyCode = :countyCode and r.year = :year")
    Optional<AnnualReport> findReportOnly(String countyCode, int year);

    /** The report's values as validation sees them. */
    @org.springframework.data.jpa.repository.Query("""
            select new cn.fazhi.portal.report.internal.AnnualReportRepository$StoredValue(
                v.indicatorCode, v.value, v.source, v.explanation)
            from IndicatorValue v
            where v.report.id = :reportId
            """)
    List<StoredValue> entriesOf(Long reportId);

    /** An indicator's stored state in a report, read as a row rather than as a managed entity. */
    record StoredValue(String indicatorCode, BigDecimal value, ValueSource source, String explanation) {

        public ValueEntry entry() {
            return new ValueEntry(value, source, explanation);
        }
    }

    /**
     * The indicator codes and values (blank ones left out) of the county's report of a year as
     * published: its last approved version (migrations V17, V19).
     */
    @org.springframework.data.jpa.repository.NativeQuery("""
            select v.indicator_code, v.value
            from counted_report r cross join lateral counted_values(r.id, r.version_id) v
            where r.county_code = :countyCode and r.year = :year and r.status = 'APPROVED' and v.value is not null
            """)
    List<PublishedValue> publishedValuesOf(String countyCode, int year);

    /** An indicator's value as published. */
    record PublishedValue(String indicatorCode, BigDecimal value) {}

    List<AnnualReport> findByCountyCodeOrderByYearDesc(String countyCode);

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

    // --- issue 18: publication record ---

    /** The publication records of a year, and the public reports without one: a row per county. */
    @org.springframework.data.jpa.repository.Query("""
            select new cn.fazhi.portal.report.internal.PublicationRecord(r.countyCode, r.year, r.status, r.publicationDate,
                   r.publicationUrl, r.publicationRecordedAt)
            from AnnualReport r
            where r.year = :year and (r.publicationDate is not null or r.status = cn.fazhi.portal.report.ReportStatus.APPROVED)
            """)
    List<PublicationRecord> publicationsOf(int year);

    /** The latest recorded publications, the newest publication date first. */
    @org.springframework.data.jpa.repository.Query("""
            select new cn.fazhi.portal.report.internal.PublicationRecord(r.countyCode, r.year, r.status, r.publicationDate,
                   r.publicationUrl, r.publicationRecordedAt)
            from AnnualReport r where r.publicationDate is not null
            order by r.publicationDate desc, r.publicationRecordedAt desc, r.id desc
            """)
    List<PublicationRecord> latestPublications(org.springframework.data.domain.Limit limit);
}
