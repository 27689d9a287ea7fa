package cn.fazhi.portal.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue edition of a year. The catalogue is public: no scope applies. */
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

    public Catalog forYear(int year) {
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
