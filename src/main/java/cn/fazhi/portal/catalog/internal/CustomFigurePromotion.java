package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.CustomFigures;
import cn.fazhi.portal.catalog.IndicatorDef;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue learns from the counties (指标候选): custom figure names recurring across counties
 * are grouped, whatever their full-width or half-width characters, spaces and punctuation, and an
 * administrator promotes a group into a new or an existing indicator. Its figures then become that
 * indicator's values, in one transaction, each with its history; a figure that cannot move (another
 * unit, a year the indicator does not cover, a value the report already has) stays where it is.
 * The figures are the reports': {@link CustomFigures} reads and moves them.
 */
@Service
@Transactional(readOnly = true)
public class CustomFigurePromotion {

    private static final Pattern NOT_PART_OF_A_NAME = Pattern.compile("[\\p{Z}\\s\\p{P}]+");
    private final CustomFigures figures;
    private final CatalogAdminService catalogAdmin;
    private final ApplicationEventPublisher events;

    CustomFigurePromotion(CustomFigures figures, CatalogAdminService catalogAdmin, ApplicationEventPublisher events) {
        this.figures = figures;
        this.catalogAdmin = catalogAdmin;
        this.events = events;
    }

    /** One spelling of a name in one unit, with how many counties and figures use it. */
    public record Variant(String name, String unit, int counties, long figures) {}

    /**
     * The figures whose names normalise alike.
     *
     * @param key the normalised name
     * @param units how many figures use each unit
     * @param similar the keys of other groups whose names are close (one character apart, or one
     *     containing the other), shown beside this one for the administrator to judge
     */
    public record CandidateGroup(
            String key,
            List<Variant> variants,
            int counties,
            List<Integer> years,
            Map<String, Long> units,
            long figures,
            List<String> similar) {

        /** The spelling most figures use. */
        public String label() {
            return variants.stream()
                    .max(Comparator.comparingLong(Variant::figures))
                    .map(Variant::name)
                    .orElse(key);
        }
    }

    /** A figure of the group, and why it stays (a message key), or null when it moves. */
    public record Move(
            long figureId,
            String countyCode,
            String countyName,
            int year,
            String name,
            String unit,
            BigDecimal value,
            String stays) {}

    public record Preview(IndicatorDef indicator, List<Move> moving, List<Move> staying) {}

    /** Every group of custom figure names, the most widely used first. */
    public List<CandidateGroup> candidates(Viewer viewer) {
        viewer.require(Role.ADMIN);
        List<CustomFigures.NameUse> rows = figures.nameUses();
        Map<String, List<CustomFigures.NameUse>> byKey = new TreeMap<>();
        rows.forEach(r -> byKey.computeIfAbsent(normalise(r.name()), k -> new ArrayList<>())
                .add(r));
        List<CandidateGroup> groups = new ArrayList<>();
        byKey.forEach((key, variants) -> {
            Set<String> counties = new HashSet<>();
            Set<Integer> years = new TreeSet<>();
            Map<String, Long> units = new TreeMap<>();
            variants.forEach(v -> {
                counties.addAll(v.counties());
                years.addAll(v.years());
                units.merge(v.unit(), v.figures(), Long::sum);
            });
            List<String> similar = byKey.keySet().stream()
                    .filter(other -> !other.equals(key) && similar(key, other))
                    .toList();
            groups.add(new CandidateGroup(
                    key,
                    variants.stream()
                            .map(v ->
                                    new Variant(v.name(), v.unit(), v.counties().size(), v.figures()))
                            .sorted(Comparator.comparingLong(Variant::figures).reversed())
                            .toList(),
                    counties.size(),
                    List.copyOf(years),
                    units,
                    variants.stream().mapToLong(CustomFigures.NameUse::figures).sum(),
                    similar));
        });
        groups.sort(Comparator.comparingInt(CandidateGroup::counties)
                .reversed()
                .thenComparing(Comparator.comparingLong(CandidateGroup::figures).reversed())
                .thenComparing(CandidateGroup::key));
        return groups;
    }

    /** What promoting the group into the indicator (stored, or only described by a form) would move. */
    public Preview preview(String key, IndicatorDef indicator, Viewer viewer) {
        viewer.require(Role.ADMIN);
        return preview(figuresOf(key, indicator), indicator);
    }

    /** Promotes the group into an existing indicator; what moved. */
    @Transactional
    public Preview promote(String key, String indicatorCode, Viewer viewer) {
        viewer.require(Role.ADMIN);
        return move(key, catalogAdmin.indicator(indicatorCode, viewer).indicator(), viewer);
    }

    /**
     * Adds the indicator the form describes and promotes the group into it; what moved.
     *
     * @throws CatalogInputException when the catalogue refuses the new indicator (nothing changes)
     */
    @Transactional
    public Preview promote(String key, IndicatorForm newIndicator, Viewer viewer) {
        viewer.require(Role.ADMIN);
        return move(key, catalogAdmin.add(newIndicator, viewer), viewer);
    }

    private Preview move(String key, IndicatorDef indicator, Viewer viewer) {
        List<CustomFigures.Figure> group = figuresOf(key, indicator);
        Preview preview = preview(group, indicator);
        Set<Long> moving = new HashSet<>();
        preview.moving().forEach(m -> moving.add(m.figureId()));
        figures.moveInto(group.stream().filter(f -> moving.contains(f.id())).toList(), indicator, viewer);
        events.publishEvent(new CustomFiguresPromoted(
                indicator.code(),
                key,
                preview.moving().size(),
                preview.staying().size()));
        return preview;
    }

    /**
     * A name as it is compared: NFKC (full-width letters, digits and spaces become their ordinary
     * forms), lower case, without spaces and punctuation. "法治培训 人次" and "法治培训人次　" are
     * "法治培训人次".
     */
    public static String normalise(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        return NOT_PART_OF_A_NAME.matcher(folded).replaceAll("");
    }

    /** Names one edit apart, or one inside the other: 法治培训人次 and 法治培训人数, 培训人次 and 法治培训人次. */
    public static boolean similar(String a, String b) {
        if (a.contains(b) || b.contains(a)) {
            return Math.min(a.length(), b.length()) >= 2;
        }
        return Math.abs(a.length() - b.length()) <= 1 && withinOneEdit(a, b);
    }

    private static boolean withinOneEdit(String a, String b) {
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return !edited || i == a.length() && j == b.length();
    }

    private List<CustomFigures.Figure> figuresOf(String key, IndicatorDef indicator) {
        List<String> names = figures.nameUses().stream()
                .map(CustomFigures.NameUse::name)
                .distinct()
                .filter(n -> normalise(n).equals(key))
                .toList();
        if (names.isEmpty()) {
            return List.of();
        }
        return figures.named(names, indicator);
    }

    private Preview preview(List<CustomFigures.Figure> group, IndicatorDef indicator) {
        List<Move> moving = new ArrayList<>();
        List<Move> staying = new ArrayList<>();
        Set<Long> reportsTaken = new HashSet<>();
        for (CustomFigures.Figure f : group) {
            String stays = whyItStays(f, indicator, reportsTaken);
            Move move =
                    new Move(f.id(), f.countyCode(), f.countyName(), f.year(), f.name(), f.unit(), f.value(), stays);
            (stays == null ? moving : staying).add(move);
            if (stays == null) {
                reportsTaken.add(f.reportId());
            }
        }
        Comparator<Move> order = Comparator.comparing(Move::countyCode).thenComparing(Move::year);
        moving.sort(order);
        staying.sort(order);
        return new Preview(indicator, moving, staying);
    }

    private static String whyItStays(CustomFigures.Figure figure, IndicatorDef indicator, Set<Long> reportsTaken) {
        if (indicator.isComputed()) {
            return "candidates.computedRate";
        }
        if (!normalise(figure.unit()).equals(normalise(indicator.unit()))) {
            return "candidates.unitMismatch";
        }
        if (!indicator.isValidIn(figure.year())) {
            return "candidates.notInYear";
        }
        if (reportsTaken.contains(figure.reportId()) || figure.reportHasValue()) {
            return "candidates.hasValue";
        }
        if (!figure.fitsKind()) {
            return "candidates.notOfKind";
        }
        return null;
    }
}
