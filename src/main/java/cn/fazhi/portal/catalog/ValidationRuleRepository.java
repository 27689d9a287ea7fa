package cn.fazhi.portal.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ValidationRuleRepository extends Repository<ValidationRule, String> {

    @Query("""
            select r from ValidationRule r
            where r.firstYear <= :year and (r.lastYear is null or r.lastYear >= :year)
            order by r.code
            """)
    List<ValidationRule> findValidIn(int year);
}
