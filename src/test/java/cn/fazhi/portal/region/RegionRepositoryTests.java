package cn.fazhi.portal.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalJpaTest;
import cn.fazhi.portal.region.internal.RecognitionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalJpaTest
class RegionRepositoryTests {

    @Autowired
    RegionRepository regions;

    @Autowired
    RecognitionRepository recognitions;

    @Test
    void countsEveryLevel() {
        assertThat(regions.countByLevel(RegionLevel.PROVINCE)).isEqualTo(34);
        assertThat(regions.countByLevel(RegionLevel.PREFECTURE)).isEqualTo(333);
        assertThat(regions.countByLevel(RegionLevel.COUNTY)).isEqualTo(2845);
    }

    @Test
    void summarisesChildrenWithTheUnitsUnderThem() {
        RegionSummary yunnan = regions.provinceSummaries().stream()
                .filter(r -> r.code().equals("530000"))
                .findFirst()
                .orElseThrow();
        assertThat(yunnan.prefectures()).isEqualTo(16);
        assertThat(yunnan.counties()).isEqualTo(129);
        // a municipality's districts hang straight under the province
        RegionSummary beijing = regions.provinceSummaries().stream()
                .filter(r -> r.code().equals("110000"))
                .findFirst()
                .orElseThrow();
        assertThat(beijing.prefectures()).isZero();
        assertThat(beijing.counties()).isEqualTo(16);
        assertThat(regions.summariesUnder("532500"))
                .extracting(RegionSummary::name)
                .contains("泸西县");
    }

    @Test
    void aCountyKnowsItsScopes() {
        RegionView luxi = regions.findByCode("532527").orElseThrow().toView();
        assertThat(luxi.isWithin("532527")).isTrue();
        assertThat(luxi.isWithin("532500")).isTrue();
        assertThat(luxi.isWithin("530000")).isTrue();
        assertThat(luxi.isWithin(null)).isTrue();
        assertThat(luxi.isWithin("530600")).isFalse();
        assertThat(luxi.isWithin("410000")).isFalse();
    }

    @Test
    void recognitionsAreStoredPerCounty() {
        recognitions.save(new Recognition("530102", RecognitionLevel.NATIONAL, "测试示范称号", 2022));
        assertThat(recognitions.existsByCountyCodeAndTitle("530102", "测试示范称号")).isTrue();
        assertThat(recognitions.findByCountyCodeOrderByYearDescTitle("530102"))
                .extracting(Recognition::getTitle)
                .contains("测试示范称号");
    }
}
