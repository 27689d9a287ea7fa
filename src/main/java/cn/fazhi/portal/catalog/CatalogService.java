package cn.fazhi.portal.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The catalogue edition of a year. The catalogue is public: no scope applies.
 *
 * <p>Editions are kept once read (every dashboard, form and export asks for one; the catalogue
 * changes only through the catalogue administration, {@link CatalogAdminService}, which calls
 * {@link #changed()} in each of its writing transactions). A change empties the cache when the
 * transaction ends, and an edition read while a change was under way is not kept.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final SectionRepository sections;
    private final IndicatorRepository indicators;
    private final IndicatorTargetRepository targets;
    private final ValidationRuleRepository rules;

    CatalogService(SectionRepository sections, IndicatorRepository indicators,
            IndicatorTargetRepository targets, ValidationRuleRepository rules) {
        this.sections = sections;
        this.indicators = indicators;
        this.targets = targets;
        this.rules = rules;
    }

    private final Map<Integer, Catalog> editions = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public Catalog forYear(int year) {
        Catalog kept = editions.get(year);
        if (kept != null) {
            return kept;
        }
        long seen = generation.get();
        Catalog read = read(year);
        if (generation.get() == seen) {
            editions.put(year, read);
            if (generation.get() != seen) { // a change ended meanwhile: what was read may be older
                editions.remove(year, read);
            }
        }
        return read;
    }

    /**
     * The catalogue changes in the current transaction: the kept editions go now and again when it
     * ends (committed or not), so that no edition read before the commit outlives it.
     */
    void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        editions.clear();
    }

    private Catalog read(int year) {
        Map<String, Target> yearTargets = targets.findByKeyYear(year).stream()
                .collect(Collectors.toMap(t -> t.getKey().indicatorCode(), IndicatorTarget::toTarget));
        List<IndicatorDef> defs = indicators.findValidIn(year).stream()
                .map(i -> i.toDef(yearTargets.getOrDefault(i.getCode(), i.defaultTarget())))
                .toList();
        return new Catalog(year,
                sections.findAllByOrderByPosition().stream().map(Section::toDef).toList(),
                defs,
                rules.findValidIn(year).stream().map(ValidationRule::toDef).toList());
    }
}
