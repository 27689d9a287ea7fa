package cn.fazhi.portal.catalog.internal;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface ValidationRuleRepository extends Repository<ValidationRule, String> {

    ValidationRule save(ValidationRule rule);

    java.util.Optional<ValidationRule> findByCode(String code);

    boolean existsByCode(String code);

    List<ValidationRule> findAllByOrderByCode();

    @Query("select count(r) from ValidationRule r where r.leftCode = :code or r.rightCode = :code")
    long countUsing(String code);

    @Query("""
            select r from ValidationRule r
            where r.firstYear <= :year and (r.lastYear is null or r.lastYear >= :year)
            order by r.code
            """)
    List<ValidationRule> findValidIn(int year);
}
