package cn.fazhi.portal.region;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RegionRepository extends Repository<Region, String> {

    String SUMMARY = """
            select new cn.fazhi.portal.region.RegionSummary(r.code, r.name, r.level,
                (select count(p) from Region p
                    where p.level = cn.fazhi.portal.region.RegionLevel.PREFECTURE and p.provinceCode = r.code),
                (select count(c) from Region c where c.level = cn.fazhi.portal.region.RegionLevel.COUNTY
                    and (c.provinceCode = r.code or c.prefectureCode = r.code)))
            from Region r
            """;

    Optional<Region> findByCode(String code);

    List<Region> findAll();

    long countByLevel(RegionLevel level);

    @Query("""
            select r.code from Region r
            where r.code = :code or r.provinceCode = :code or r.prefectureCode = :code
            """)
    List<String> findCodesWithin(String code);

    @Query(SUMMARY + " where r.level = cn.fazhi.portal.region.RegionLevel.PROVINCE order by r.code")
    List<RegionSummary> provinceSummaries();

    @Query(SUMMARY + " where r.parentCode = :parent order by r.code")
    List<RegionSummary> summariesUnder(String parent);
}
