package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.TestClock;
import cn.fazhi.portal.TestDatabase;
import cn.fazhi.portal.config.CacheConfiguration;
import cn.fazhi.portal.config.ReportingCalendar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The catalogue module bootstrapped on its own (Spring Modulith's {@code @ApplicationModuleTest},
 * standalone): its services, repositories and entities on the tests' PostgreSQL, what it needs from
 * other modules mocked (the reporting calendar, and {@link CatalogUsage}, the port the
 * report module implements; the clock is the tests' own), and no other module's beans (the audit module neither: the catalogue publishes its changes as
 * events and does not depend on who keeps them). A context of its own: a few seconds to
 * start, once per test JVM.
 */
@ApplicationModuleTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "portal.embedded-postgres.enabled=false")
@Import({TestDatabase.class, TestClock.Config.class, CatalogModuleTests.Caches.class})
class CatalogModuleTests {

    /** The portal's caches as config/CacheConfiguration declares them (the config module is not bootstrapped). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Caches {
        @Bean
        CacheManager cacheManager() {
            return new CacheConfiguration().cacheManager();
        }
    }

    @MockitoBean
    ReportingCalendar calendar;

    @MockitoBean
    CatalogUsage usage;

    /** The custom figures the candidates come from (the report module's, like {@link CatalogUsage}). */
    @MockitoBean
    CustomFigures figures;

    @Autowired
    CatalogService catalogs;

    @Autowired
    ApplicationContext context;

    @Test
    void theModuleStartsAloneAndOtherModulesBeansAreNotThere() {
        assertThat(context.getBeanNamesForType(CatalogService.class)).hasSize(1);
        assertThat(context.containsBean("reportService")).isFalse();
        assertThat(context.containsBean("dashboardService")).isFalse();
        assertThat(context.containsBean("regionService")).isFalse();
    }

    @Test
    void anEditionHoldsEveryRatesPartsAndTheRulesOfItsYear() {
        Catalog catalog = catalogs.forYear(2023);
        assertThat(catalog.year()).isEqualTo(2023);
        assertThat(catalog.rules()).hasSize(19);
        Map<String, IndicatorDef> byCode = catalog.byCode();
        List<IndicatorDef> rates =
                catalog.indicators().stream().filter(IndicatorDef::isComputed).toList();
        assertThat(rates).hasSize(17).allSatisfy(rate -> {
            assertThat(byCode).containsKeys(rate.numeratorCode(), rate.denominatorCode());
            assertThat(rate.kind()).isEqualTo(IndicatorKind.RATE);
        });
        assertThat(catalog.rules())
                .allSatisfy(rule -> assertThat(byCode).containsKeys(rule.leftCode(), rule.rightCode()));
        // every indicator belongs to one of the edition's sections
        assertThat(catalog.sections()).isNotEmpty();
        assertThat(catalog.indicators())
                .allSatisfy(i ->
                        assertThat(catalog.sections()).anyMatch(s -> s.code().equals(i.sectionCode())));
    }
}
