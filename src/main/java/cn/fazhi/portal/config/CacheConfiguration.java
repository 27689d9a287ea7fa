package cn.fazhi.portal.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's caches of reference data, each with its own limits, in one place (Spring's cache
 * abstraction over Caffeine). A cache not declared here is still bounded (by the default spec),
 * so that no cache grows with what is asked of it.
 *
 * <p>Not here: the dashboards' live results ({@code dashboard.LiveResults}), kept by a Caffeine
 * cache of its own because each result weighs what it holds and the whole is kept within a weight
 * budget; they are dropped by data generation, not by name.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class CacheConfiguration {

    /**
     * 指标目录版本: the catalogue editions by year, under the version of the catalogue they were read
     * at (catalog.CatalogService). A handful of years are asked for; the bound only keeps editions
     * of versions no longer asked for from piling up between changes.
     */
    public static final String CATALOG_EDITIONS = "catalogEditions";

    /**
     * 行政区划树: the division tree (region.RegionService), its one entry read on the first look-up.
     * Not bounded: it never holds more than that entry, and an unbounded cache is a plain concurrent
     * map, the cheapest look-up (a national page makes thousands).
     */
    public static final String REGION_TREE = "regionTree";

    @Bean
    public CacheManager cacheManager() {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setAllowNullValues(false);
        manager.setCaffeine(Caffeine.newBuilder().maximumSize(1_000));
        manager.registerCustomCache(
                CATALOG_EDITIONS, Caffeine.newBuilder().maximumSize(64).build());
        manager.registerCustomCache(
                REGION_TREE, Caffeine.newBuilder().initialCapacity(1).build());
        return manager;
    }
}
