package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboards read the scoring rules (indicators with a direction, the year's targets) with
 * one SQL statement for several years; they must be exactly what the catalogue says for each year.
 */
@PortalTest
class DashboardScoringRulesTests {

    @Autowired
    DashboardQueries queries;

    @Autowired
    CatalogService catalogs;

    @Test
    void scoringRulesAreTheCatalogueOfEachYear() {
        for (int year : List.of(2015, 2022, 2023)) {
            Map<String, BigDecimal> rules = queries.scoringRules(List.of(year)).stream()
                    .collect(Collectors.toMap(r -> r.rule().indicator(), r -> r.rule().target() == null
                            ? BigDecimal.valueOf(-1) : r.rule().target().stripTrailingZeros()));
            Map<String, BigDecimal> catalogue = catalogs.forYear(year).indicators().stream()
                    .filter(i -> i.direction() != Direction.NONE)
                    .collect(Collectors.toMap(IndicatorDef::code, i -> i.target() == null
                            ? BigDecimal.valueOf(-1) : i.target().value().stripTrailingZeros()));
            assertThat(rules).as("year " + year).isEqualTo(catalogue);
        }
    }
}
