package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.catalog.CatalogService;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards take the scoring rules (indicators with a direction, the year's targets) from the
 * catalogue edition of each year, which is kept in memory; they must be exactly what the tables
 * say for that year: the year's own target, else the indicator's default, in catalogue order.
 */
@PortalTest
class DashboardScoringRulesTests {

    @Autowired
    CatalogService catalogs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void scoringRulesAreTheCatalogueOfEachYear() {
        for (int year : List.of(2015, 2022, 2023)) {
            Map<String, String> rules = AreaIndexes.indicators(catalogs.forYear(year)).stream()
                    .collect(Collectors.toMap(
                            CompositeIndex.Indicator::code,
                            r -> r.section() + " " + r.direction() + " "
                                    + plain(r.target() == null ? null : BigDecimal.valueOf(r.target())),
                            (a, b) -> a,
                            LinkedHashMap::new));
            Map<String, String> tables = new LinkedHashMap<>();
            jdbc.sql("""
                    select i.code, i.section_code, i.direction, coalesce(t.value, i.default_target_value) as target
                    from indicator i left join indicator_target t on t.indicator_code = i.code and t.year = :year
                    where i.first_year <= :year and (i.last_year is null or i.last_year >= :year) and i.direction <> 'NONE'
                    order by i.position
                    """)
                    .param("year", year)
                    .query((rs, n) -> tables.put(
                            rs.getString(1),
                            rs.getString(2) + " " + rs.getString(3) + " " + plain(rs.getBigDecimal(4))))
                    .list();
            assertThat(rules).as("year " + year).containsExactlyEntriesOf(tables);
        }
    }

    private static String plain(BigDecimal target) {
        return target == null ? "none" : target.stripTrailingZeros().toPlainString();
    }
}
