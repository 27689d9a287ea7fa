package cn.fazhi.portal.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalJpaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 2020 census population (V14) as the source file has it: every county with an honest figure,
 * none where there is none (a blank is "no population", never 0), and the indicators compared per
 * 10,000 residents.
 */
@PortalJpaTest
class PopulationDataTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCensusFiguresAreLoadedAsTheSourceHasThem() {
        assertThat(jdbc.queryForObject("select count(*) from region_population where census_year = 2020", Long.class))
                .isEqualTo(2836);
        // the source's own reconciliation: 1,378,341,633 residents in the file
        assertThat(jdbc.queryForObject(
                        "select sum(population) from region_population where census_year = 2020", Long.class))
                .isEqualTo(1_378_341_633L);
        assertThat(jdbc.queryForObject(
                        "select population from region_population where region_code = '532527'", Long.class))
                .isEqualTo(389_138L);
        // 上城区 was split after the census: no figure rather than a wrong one
        assertThat(jdbc.queryForObject(
                        "select count(*) from region_population where region_code = '330102'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from region c
                 where c.level = 'COUNTY' and exists (select 1 from region_population p where p.region_code = c.code)""", Long.class)).isEqualTo(2832);
    }

    @Test
    void countsThatGrowWithTheResidentsAreFlaggedPerCapita() {
        assertThat(jdbc.queryForList("select code from indicator where per_capita order by code", String.class))
                .hasSize(40)
                .contains("DIS_MEDIATION_CASES", "EMG_ACCIDENTS", "OVS_HOTLINE_CASES")
                .doesNotContain("LEA_PARTY_MEETINGS", "EMG_PLANS");
        assertThat(jdbc.queryForObject("select count(*) from indicator where per_capita and kind = 'RATE'", Long.class))
                .isZero();
    }
}
