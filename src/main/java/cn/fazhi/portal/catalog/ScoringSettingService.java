package cn.fazhi.portal.catalog;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.internal.CatalogInputException;
import cn.fazhi.portal.catalog.internal.CoverageThresholdSet;
import cn.fazhi.portal.config.FieldRefusal;
import cn.fazhi.portal.config.NumberText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coverage threshold of each year (排名覆盖率门槛), for administrators: a county that reported
 * less than this share of the year's scored indicators is shown on the dashboards but not ranked.
 * Typed as a percentage (66.7 for two thirds), stored as a fraction; a blank threshold removes the
 * year's own and the default applies again. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
class ScoringSettingService {

    /** The default of a year without a row, as the administrator sees it. */
    static final BigDecimal DEFAULT_THRESHOLD =
            BigDecimal.valueOf(CoverageThreshold.DEFAULT).setScale(3, RoundingMode.HALF_UP);

    /** The first year the table takes (V15's check); the catalogue starts then too. */
    static final int FIRST_YEAR = 2015;

    static final int LAST_YEAR = 2100;

    /**
     * Below 1 % nobody means it: someone typed the fraction (0.667) where the percentage belongs,
     * and a threshold that low would rank a county on almost nothing, which issue 17 is about.
     */
    private static final BigDecimal LOWEST_PERCENT = BigDecimal.ONE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ScoringSettingRepository settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScoringSettingService(ScoringSettingRepository settings, ApplicationEventPublisher events, Clock clock) {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A year's threshold as shown.
     *
     * @param percent the threshold as a percentage, e.g. "66.7"
     * @param own whether the year has its own (false: the default applies)
     */
    record YearThreshold(int year, String percent, boolean own, Instant updatedAt, String updatedBy) {}

    /** Every year from {@code FIRST_YEAR} to the year after {@code reportingYear}, and any later one set, newest first. */
    List<YearThreshold> thresholds(int reportingYear, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Map<Integer, ScoringSetting> stored =
                settings.findAll().stream().collect(Collectors.toMap(ScoringSetting::getYear, Function.identity()));
        TreeSet<Integer> years = new TreeSet<>(stored.keySet());
        IntStream.rangeClosed(FIRST_YEAR, Math.min(LAST_YEAR, reportingYear + 1))
                .forEach(years::add);
        return years.descendingSet().stream()
                .map(year -> Optional.ofNullable(stored.get(year))
                        .map(s -> new YearThreshold(
                                year, percent(s.getCoverageThreshold()), true, s.getUpdatedAt(), s.getUpdatedBy()))
                        .orElseGet(() -> new YearThreshold(year, percent(DEFAULT_THRESHOLD), false, null, null)))
                .toList();
    }

    /** The threshold of a year as the form shows it: the year's own, or blank for the default. */
    String typed(int year) {
        return settings.findByYear(year)
                .map(s -> percent(s.getCoverageThreshold()))
                .orElse("");
    }

    /** The percentage of a threshold's form when it is not one (the year is judged by the form's annotations). */
    List<FieldRefusal> refusals(ThresholdForm form) {
        String text = form.threshold() == null ? "" : form.threshold().strip();
        return text.isEmpty() || fraction(text) != null
                ? List.of()
                : List.of(new FieldRefusal("threshold", "scoringAdmin.badThreshold"));
    }

    /**
     * Sets a year's threshold; a blank one removes the year's own (the default applies again).
     *
     * @param year the year (null: none the form named)
     * @throws CatalogInputException when the year or the percentage is not one (nothing changes)
     */
    @Transactional
    void set(Integer year, ThresholdForm form, Viewer viewer) {
        viewer.require(Role.ADMIN);
        if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
            throw new CatalogInputException("year", "scoringAdmin.badYear");
        }
        CatalogInputException.refuse(refusals(form));
        String text = form.threshold() == null ? "" : form.threshold().strip();
        BigDecimal fraction = text.isEmpty() ? null : fraction(text);
        Optional<ScoringSetting> existing = settings.findByYear(year);
        Map<String, Object> before =
                existing.map(s -> state(s.getCoverageThreshold())).orElse(null);
        if (fraction == null) {
            existing.ifPresent(s -> {
                settings.delete(s);
                events.publishEvent(new CoverageThresholdSet(year, before, null));
            });
            return;
        }
        if (existing.isPresent() && existing.get().getCoverageThreshold().compareTo(fraction) == 0) {
            return;
        }
        ScoringSetting setting = existing.orElseGet(() -> new ScoringSetting(year));
        setting.set(fraction, clock.instant(), viewer.username());
        settings.save(setting);
        events.publishEvent(new CoverageThresholdSet(year, before, state(fraction)));
    }

    /**
     * The fraction a typed percentage stands for ("66.7", "66.7 %", "８０％"): from 1 to 100, at most
     * one decimal (the table keeps three decimals of the fraction); null when it is not one.
     */
    static BigDecimal fraction(String typed) {
        String text = NumberText.normalize(typed);
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1);
        }
        NumberText.Parsed parsed = NumberText.parse(text);
        if (!parsed.isNumber()) {
            return null;
        }
        BigDecimal percent = parsed.value().stripTrailingZeros();
        if (percent.scale() > 1 || percent.compareTo(LOWEST_PERCENT) < 0 || percent.compareTo(HUNDRED) > 0) {
            return null;
        }
        return percent.movePointLeft(2).setScale(3, RoundingMode.UNNECESSARY);
    }

    /** A stored fraction as a percentage, e.g. 0.667 as "66.7". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static Map<String, Object> state(BigDecimal fraction) {
        return Map.of("coverageThreshold", fraction.toPlainString(), "percent", percent(fraction));
    }
}
