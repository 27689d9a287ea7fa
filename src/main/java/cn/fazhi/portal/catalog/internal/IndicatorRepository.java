package cn.fazhi.portal.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface IndicatorRepository extends Repository<Indicator, String> {

    Optional<Indicator> findByCode(String code);

    long count();

    Indicator save(Indicator indicator);

    void delete(Indicator indicator);

    boolean existsByCode(String code);

    List<Indicator> findAllByOrderByPosition();

    @Query("select coalesce(max(i.position), 0) from Indicator i")
    int maxPosition();

    @Query("select count(i) from Indicator i where i.numeratorCode = :code or i.denominatorCode = :code")
    long countRatesUsing(String code);

    @Query("""
            select i from Indicator i
            where i.firstYear <= :year and (i.lastYear is null or i.lastYear >= :year)
            order by i.position
            """)
    List<Indicator> findValidIn(int year);
}
