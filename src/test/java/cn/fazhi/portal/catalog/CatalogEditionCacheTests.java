package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.fazhi.portal.catalog.internal.IndicatorRepository;
import cn.fazhi.portal.catalog.internal.IndicatorTargetRepository;
import cn.fazhi.portal.catalog.internal.SectionRepository;
import cn.fazhi.portal.catalog.internal.ValidationRuleRepository;
import cn.fazhi.portal.config.CacheConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When {@link CatalogService} serves a kept edition, and when it reads the catalogue again (no Spring, no database). */
class CatalogEditionCacheTests {

    private final SectionRepository sections = mock(SectionRepository.class);
    private final CatalogService catalogs = new CatalogService(
            sections,
            mock(IndicatorRepository.class),
            mock(IndicatorTargetRepository.class),
            mock(ValidationRuleRepository.class),
            new CacheConfiguration().cacheManager());

    @Test
    void anEditionIsReadOnceUntilTheCatalogueChanges() {
        Catalog first = catalogs.forYear(2024);
        assertThat(catalogs.forYear(2024))
                .as("kept: the same object, which the live results key on")
                .isSameAs(first);
        assertThat(catalogs.forYear(2025)).isNotSameAs(first);

        catalogs.changed(null);
        Catalog again = catalogs.forYear(2024);
        assertThat(again).as("read again after a change").isNotSameAs(first).isEqualTo(first);
        assertThat(catalogs.forYear(2024)).isSameAs(again);
    }

    @Test
    void anEditionReadWhileACatalogueChangeEndedIsNotServedAfterwards() {
        when(sections.findAllByOrderByPosition())
                .then(invocation -> {
                    catalogs.changed(null); // a change commits while this edition is being read
                    return List.of();
                })
                .thenReturn(List.of());
        Catalog readDuringChange = catalogs.forYear(2024);
        Catalog after = catalogs.forYear(2024);
        assertThat(after).isNotSameAs(readDuringChange);
        assertThat(catalogs.forYear(2024)).isSameAs(after);
    }
}
