package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.CatalogUsage;
import cn.fazhi.portal.catalog.RuleDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells catalogue administration what the reports hold of each indicator, in SQL over all reports. */
@Component
@Transactional(readOnly = true)
class ReportCatalogUsage implements CatalogUsage {

    private final JdbcClient jdbc;

    ReportCatalogUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> valueCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select indicator_code, count(*) from indicator_value group by indicator_code")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    @Override
    public long valueCount(String indicatorCode) {
        return jdbc.sql("select count(*) from indicator_value where indicator_code = :code")
                .param("code", indicatorCode)
                .query(Long.class)
                .single();
    }

    @Override
    public long valuesFrom(String indicatorCode, int fromYear) {
        return jdbc.sql("""
                select count(*) from indicator_value v join annual_report r on r.id = v.report_id
                where v.indicator_code = :code and r.year >= :year
                """)
                .param("code", indicatorCode)
                .param("year", fromYear)
                .query(Long.class)
                .single();
    }

    /** Both values present and the rule failing: what the report's validation would flag. */
    @Override
    public List<RuleViolation> violations(RuleDef rule, int firstYear, Integer lastYear) {
        return jdbc
                .sql("""
                select r.county_code, g.name, r.year, l.value as left_value, rv.value as right_value
                from counted_report r
                join region g on g.code = r.county_code
                join lateral counted_values(r.id, r.version_id) l on l.indicator_code = :left
                join lateral counted_values(r.id, r.version_id) rv on rv.indicator_code = :right
                where r.status = 'APPROVED' and r.year >= :first and r.year <= :last
                  and l.value is not null and rv.value is not null
                order by r.county_code, r.year
                """)
                .param("left", rule.leftCode())
                .param("right", rule.rightCode())
                .param("first", firstYear)
                .param("last", lastYear == null ? 2100 : lastYear)
                .query((rs, n) -> new RuleViolation(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list()
                .stream()
                .filter(v -> !rule.operator().holds(v.left(), v.right()))
                .toList();
    }
}
