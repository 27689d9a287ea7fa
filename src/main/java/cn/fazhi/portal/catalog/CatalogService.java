package cn.fazhi.portal.catalog;

import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.catalog.internal.CatalogueChanged;
import cn.fazhi.portal.catalog.internal.IndicatorRepository;
import cn.fazhi.portal.catalog.internal.IndicatorTarget;
import cn.fazhi.portal.catalog.internal.IndicatorTargetRepository;
import cn.fazhi.portal.catalog.internal.Section;
import cn.fazhi.portal.catalog.internal.SectionRepository;
import cn.fazhi.portal.catalog.internal.ValidationRule;
import cn.fazhi.portal.catalog.internal.ValidationRuleRepository;
import cn.fazhi.portal.config.CacheConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The catalogue edition of a year. The catalogue is public: no scope applies.
 *
 * <p>Editions are kept once read (every dashboard, form and export asks for one; the catalogue
 * changes only through the catalogue administration, {@link CatalogAdminService}, which publishes
 * each change as a {@link CatalogueChanged}). A change empties the cache when it is told and again
 * when its transaction ends, and an edition read while a change was under way is not served
 * afterwards.
 *
 * <p>The editions live in the cache {@link CacheConfiguration#CATALOG_EDITIONS}, keyed by year and
 * by the version of the catalogue they were read at; a change moves the version when it is told and
 * again when its transaction ends. So an edition read before a change committed is kept under a
 * version nobody asks for any more, however late it is put (evicting by name could not tell it from
 * a fresh one).
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final SectionRepository sections;
    private final IndicatorRepository indicators;
    private final IndicatorTargetRepository targets;
    private final ValidationRuleRepository rules;

    private final Cache editions;
    private final AtomicLong version = new AtomicLong();

    /** The key of an edition: the catalogue's version when it was read, and the year. */
    private record Edition(long version, int year) {}

    CatalogService(
            SectionRepository sections,
            IndicatorRepository indicators,
            IndicatorTargetRepository targets,
            ValidationRuleRepository rules,
            CacheManager caches) {
        this.sections = sections;
        this.indicators = indicators;
        this.targets = targets;
        this.rules = rules;
        this.editions = Objects.requireNonNull(caches.getCache(CacheConfiguration.CATALOG_EDITIONS));
    }

    public Catalog forYear(int year) {
        Edition key = new Edition(version.get(), year); // the version is read before the catalogue
        Catalog kept = editions.get(key, Catalog.class);
        if (kept != null) {
            return kept;
        }
        // read outside the cache's lock (an error reaches the caller as it is); a request reading the
        // same edition meanwhile gets the one kept first, so that both hold the same object
        Catalog read = read(year);
        Cache.ValueWrapper first = editions.putIfAbsent(key, read);
        return first == null ? read : (Catalog) first.get();
    }

    /**
     * The catalogue changed in the current transaction: the kept editions go at once, synchronously,
     * so that the rest of that transaction reads the catalogue as it changed it.
     */
    @EventListener
    void changing(CatalogueChanged change) {
        forget();
    }

    /**
     * The transaction that changed the catalogue ended: the kept editions go again, so that no edition
     * read before the commit (or inside a transaction rolled back) outlives it. Synchronously, after
     * completion rather than asynchronously: the administrator's very next request (or anyone's) must
     * read the changed catalogue, so the eviction may not wait for another thread. Outside this
     * class's read-only transaction: the changing one is over, and forgetting needs none.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void changed(CatalogueChanged change) {
        forget();
    }

    private void forget() {
        version.incrementAndGet();
        editions.clear(); // what was kept is under older versions now: only its memory is freed
    }

    private Catalog read(int year) {
        Map<String, Target> yearTargets = targets.findByKeyYear(year).stream()
                .collect(Collectors.toMap(t -> t.getKey().indicatorCode(), IndicatorTarget::toTarget));
        List<IndicatorDef> defs = indicators.findValidIn(year).stream()
                .map(i -> i.toDef(yearTargets.getOrDefault(i.getCode(), i.defaultTarget())))
                .toList();
        return new Catalog(
                year,
                sections.findAllByOrderByPosition().stream().map(Section::toDef).toList(),
                defs,
                rules.findValidIn(year).stream().map(ValidationRule::toDef).toList());
    }
}
