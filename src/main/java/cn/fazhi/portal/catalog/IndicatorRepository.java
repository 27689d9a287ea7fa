package cn.fazhi.portal.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface IndicatorRepository extends Repository<Indicator, String> {

    Optional<Indicator> findByCode(String code);

    long count();

    @Query("""
            select i from Indicator i
            where i.firstYear <= :year and (i.lastYear is null or i.lastYear >= :year)
            order by i.position
            """)
    List<Indicator> findValidIn(int year);
}
