package cn.fazhi.portal.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue edition of one year: the sections, the indicators valid in that year in
 * catalogue order, their targets for that year, and the validation rules.
 */
public record Catalog(int year, List<SectionDef> sections, List<IndicatorDef> indicators, List<RuleDef> rules) {

    public Catalog {
        sections = List.copyOf(sections);
        indicators = List.copyOf(indicators);
        rules = List.copyOf(rules);
    }

    public Optional<IndicatorDef> indicator(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    public List<IndicatorDef> indicatorsOf(String sectionCode) {
        return indicators.stream()
                .filter(i -> i.sectionCode().equals(sectionCode))
                .toList();
    }

    public Map<String, IndicatorDef> byCode() {
        return indicators.stream()
                .collect(Collectors.toMap(IndicatorDef::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
