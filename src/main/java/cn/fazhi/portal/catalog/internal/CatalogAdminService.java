package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.CatalogUsage;
import cn.fazhi.portal.catalog.Comparison;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.catalog.RuleDef;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.catalog.Severity;
import cn.fazhi.portal.catalog.Target;
import cn.fazhi.portal.config.ConflictException;
import cn.fazhi.portal.config.FieldRefusal;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.NumberText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalogue administration (指标目录管理), for administrators only: indicators are added, their
 * texts edited, retired from a year on (never deleted once a report holds a value of theirs);
 * the targets of a year set; validation rules added, edited and retired, with a preview of the
 * approved reports a rule would flag. Every change is in the audit log.
 *
 * <p>The forms' records judge each field by their annotations; what needs the catalogue is judged
 * here ({@code refusals}: each refusal on its field, with a message key), and a change asked with
 * a refused form throws {@link CatalogInputException} and changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class CatalogAdminService {

    static final String CODE_PATTERN = "[A-Z][A-Z0-9_]{0,39}";

    /** A year from 2000 to 2100, as the catalogue's forms take it. */
    public static final String YEAR_PATTERN = "20[0-9][0-9]|2100";

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private final IndicatorRepository indicators;
    private final SectionRepository sections;
    private final IndicatorTargetRepository targets;
    private final ValidationRuleRepository rules;
    private final CatalogUsage usage;
    private final ApplicationEventPublisher events;

    CatalogAdminService(
            IndicatorRepository indicators,
            SectionRepository sections,
            IndicatorTargetRepository targets,
            ValidationRuleRepository rules,
            CatalogUsage usage,
            ApplicationEventPublisher events) {
        this.indicators = indicators;
        this.sections = sections;
        this.targets = targets;
        this.rules = rules;
        this.usage = usage;
        this.events = events;
    }

    /** An indicator of the whole catalogue (retired ones included) with how many values reports hold. */
    public record IndicatorRow(IndicatorDef indicator, long values) {

        public boolean isRetired() {
            return indicator.lastYear() != null;
        }
    }

    /** An indicator's target of a year as the form shows it, with last year's beside it. */
    public record TargetRow(IndicatorDef indicator, String operator, String value, Target lastYear) {}

    /** A rule with its years. */
    public record RuleRow(RuleDef rule, int firstYear, Integer lastYear) {}

    public List<IndicatorRow> indicators(Viewer viewer) {
        viewer.require(Role.ADMIN);
        Map<String, Long> counts = usage.valueCounts();
        return indicators.findAllByOrderByPosition().stream()
                .map(i -> new IndicatorRow(i.toDef(), counts.getOrDefault(i.getCode(), 0L)))
                .toList();
    }

    public IndicatorRow indicator(String code, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Indicator indicator = find(code);
        return new IndicatorRow(indicator.toDef(), usage.valueCount(code));
    }

    public List<SectionDef> sections() {
        return sections.findAllByOrderByPosition().stream().map(Section::toDef).toList();
    }

    /**
     * What the catalogue refuses in a new indicator beyond its form's annotations: a code already
     * used, an unknown section, the parts of a computed rate, the target, comparing a rate per
     * capita. Empty when it can be added (once its annotations are met).
     */
    public List<FieldRefusal> refusals(IndicatorForm form) {
        List<FieldRefusal> errors = new ArrayList<>();
        String code = trim(form.code());
        if (code.matches(CODE_PATTERN) && indicators.existsByCode(code)) {
            errors.add(new FieldRefusal("code", "catalogAdmin.codeTaken"));
        }
        if (sections.findAllByOrderByPosition().stream()
                .noneMatch(s -> s.getCode().equals(trim(form.sectionCode())))) {
            errors.add(new FieldRefusal("sectionCode", "catalogAdmin.required"));
        }
        IndicatorKind kind = parseEnum(IndicatorKind.class, form.kind());
        String numerator = trim(form.numeratorCode());
        String denominator = trim(form.denominatorCode());
        if (!numerator.isEmpty() || !denominator.isEmpty()) {
            if (kind != IndicatorKind.RATE) {
                errors.add(new FieldRefusal("numeratorCode", "catalogAdmin.partsOnlyForRates"));
            } else if (numerator.isEmpty() || denominator.isEmpty()) {
                errors.add(new FieldRefusal(
                        numerator.isEmpty() ? "numeratorCode" : "denominatorCode", "catalogAdmin.bothParts"));
            } else if (numerator.equals(denominator)) {
                errors.add(new FieldRefusal("denominatorCode", "catalogAdmin.partsDiffer"));
            } else {
                checkPart(errors, "numeratorCode", numerator);
                checkPart(errors, "denominatorCode", denominator);
            }
        }
        checkTarget(errors, "targetValue", form.targetOperator(), form.targetValue(), kind);
        if (form.perCapitaTicked() && kind != null && !perCapitaFits(kind)) {
            errors.add(new FieldRefusal("perCapita", "catalogAdmin.perCapitaNotForRates"));
        }
        return errors;
    }

    /** The indicator a checked form describes, not yet stored (a promotion previews with it). */
    public IndicatorDef toDef(IndicatorForm form) {
        String op = trim(form.targetOperator());
        Target target = op.isEmpty() ? null : new Target(Comparison.ofSymbol(op), number(form.targetValue()));
        String numerator = trim(form.numeratorCode());
        return new IndicatorDef(
                trim(form.code()),
                trim(form.sectionCode()),
                0,
                trim(form.nameZh()),
                trim(form.nameEn()),
                trim(form.unit()),
                IndicatorKind.valueOf(form.kind()),
                Direction.valueOf(form.direction()),
                numerator.isEmpty() ? null : numerator,
                numerator.isEmpty() ? null : trim(form.denominatorCode()),
                target,
                blankToNull(form.definitionZh()),
                blankToNull(form.definitionEn()),
                form.firstYearNumber(),
                null,
                form.perCapitaTicked());
    }

    /**
     * Adds an indicator at the end of the catalogue.
     *
     * @throws CatalogInputException when the catalogue refuses it (nothing is added)
     */
    @Transactional
    public IndicatorDef add(IndicatorForm form, Viewer viewer) {
        viewer.require(Role.ADMIN);
        CatalogInputException.refuse(refusals(form));
        Indicator added = indicators.save(new Indicator(toDef(form), indicators.maxPosition() + 1));
        events.publishEvent(
                new CatalogueChanged(CatalogueChanged.Change.INDICATOR_ADDED, added.getCode(), null, state(added)));
        return added.toDef();
    }

    /** Changes an indicator's names and definitions (its form's annotations judged them). */
    @Transactional
    public void editTexts(String code, IndicatorTextsForm form, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Indicator indicator = find(code);
        Map<String, Object> before = state(indicator);
        indicator.editTexts(
                trim(form.nameZh()),
                trim(form.nameEn()),
                blankToNull(form.definitionZh()),
                blankToNull(form.definitionEn()));
        events.publishEvent(
                new CatalogueChanged(CatalogueChanged.Change.INDICATOR_CHANGED, code, before, state(indicator)));
    }

    /**
     * Whether the dashboards compare the indicator per 10,000 residents (按每万常住人口比较). Only a
     * count or an amount may be: a rate or percentage is already relative to its own base, and
     * dividing it by the population would mean nothing (the database refuses it too, V16). Like
     * the texts, the flag changes no stored value; the dashboards' scores and ranks follow it.
     *
     * @param wanted whether to compare per capita
     * @throws CatalogInputException on {@code perCapita} for a rate (nothing changes)
     */
    @Transactional
    public void setPerCapita(String code, boolean wanted, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Indicator indicator = find(code);
        if (wanted && !perCapitaFits(indicator.getKind())) {
            throw new CatalogInputException("perCapita", "catalogAdmin.perCapitaNotForRates");
        }
        if (wanted != indicator.isPerCapita()) {
            Map<String, Object> before = state(indicator);
            indicator.comparePerCapita(wanted);
            events.publishEvent(
                    new CatalogueChanged(CatalogueChanged.Change.INDICATOR_CHANGED, code, before, state(indicator)));
        }
    }

    /** Counts and amounts grow with the number of residents; rates and percentages do not. */
    static boolean perCapitaFits(IndicatorKind kind) {
        return kind == IndicatorKind.COUNT || kind == IndicatorKind.AMOUNT;
    }

    /**
     * Retires an indicator from a year on: the forms, templates, validation and dashboards of that
     * year and later no longer have it; the reports of earlier years keep it.
     *
     * @throws CatalogInputException on {@code fromYear} for a year out of range or not after its first
     * @throws ConflictException while a computed rate in use has it as a part (nothing changes)
     */
    @Transactional
    public void retire(String code, int year, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Indicator indicator = find(code);
        checkRetiring(year, indicator.getFirstYear());
        if (indicators.findAllByOrderByPosition().stream()
                .anyMatch(i -> i.getLastYear() == null
                        && (code.equals(i.getNumeratorCode()) || code.equals(i.getDenominatorCode())))) {
            throw new ConflictException(code + " is a part of a rate in use", "catalogAdmin.partOfRate");
        }
        Map<String, Object> before = state(indicator);
        indicator.retireFrom(year);
        events.publishEvent(
                new CatalogueChanged(CatalogueChanged.Change.INDICATOR_RETIRED, code, before, state(indicator)));
    }

    /** A year to retire from: one the catalogue takes, after the first (which would rewrite its reports). */
    private static void checkRetiring(int year, int firstYear) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new CatalogInputException("fromYear", "catalogAdmin.badYear");
        }
        if (year <= firstYear) {
            throw new CatalogInputException("fromYear", "catalogAdmin.retireAfterFirstYear");
        }
    }

    @Transactional
    public void restore(String code, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Indicator indicator = find(code);
        Map<String, Object> before = state(indicator);
        indicator.restore();
        events.publishEvent(
                new CatalogueChanged(CatalogueChanged.Change.INDICATOR_RESTORED, code, before, state(indicator)));
    }

    /**
     * Deletes an indicator nobody used: a report's value, a rate or a rule that refers to it makes it
     * stay (it can be retired instead). The database refuses the same through its foreign keys.
     *
     * @throws ConflictException when it is used (nothing is deleted)
     */
    @Transactional
    public void delete(String code, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Indicator indicator = find(code);
        if (usage.valueCount(code) > 0) {
            throw new ConflictException(code + " has values", "catalogAdmin.hasValues");
        }
        if (indicators.countRatesUsing(code) > 0 || rules.countUsing(code) > 0) {
            throw new ConflictException(code + " is referenced", "catalogAdmin.referenced");
        }
        targets.deleteByKeyIndicatorCode(code);
        indicators.delete(indicator);
        events.publishEvent(
                new CatalogueChanged(CatalogueChanged.Change.INDICATOR_DELETED, code, state(indicator), null));
    }

    /** How many values reports of {@code year} and later hold, which retiring from it would hide. */
    public long valuesFrom(String code, int year) {
        return usage.valuesFrom(code, year);
    }

    // ---- targets of a year

    /**
     * The targets of a year for every indicator valid in it: the year's own, or (with
     * {@code copyLastYear}) last year's as a start, otherwise the catalogue's default.
     */
    public List<TargetRow> targets(int year, boolean copyLastYear, Viewer viewer) {
        viewer.require(Role.ADMIN);
        Map<String, Target> own = targetsOf(year);
        Map<String, Target> previous = targetsOf(year - 1);
        return indicators.findValidIn(year).stream()
                .map(i -> {
                    Target last = previous.getOrDefault(i.getCode(), i.isValidIn(year - 1) ? i.defaultTarget() : null);
                    Target shown = copyLastYear ? last : own.getOrDefault(i.getCode(), i.defaultTarget());
                    return new TargetRow(
                            i.toDef(),
                            shown == null ? "" : shown.operator().symbol(),
                            shown == null
                                    ? ""
                                    : shown.value().stripTrailingZeros().toPlainString(),
                            last);
                })
                .toList();
    }

    /** The targets of a year's form that are not well-formed, each on {@code values[CODE]}. */
    public List<FieldRefusal> refusals(int year, TargetsForm form) {
        List<FieldRefusal> errors = new ArrayList<>();
        for (Indicator i : indicators.findValidIn(year)) {
            checkTarget(
                    errors,
                    "values[" + i.getCode() + "]",
                    form.operators().get(i.getCode()),
                    form.values().get(i.getCode()),
                    i.getKind());
        }
        return errors;
    }

    /**
     * Stores the targets of a year (an indicator's operator and value both blank: no target that
     * year).
     *
     * @throws CatalogInputException when a target is not well-formed (nothing is stored)
     */
    @Transactional
    public void saveTargets(int year, TargetsForm form, Viewer viewer) {
        viewer.require(Role.ADMIN);
        List<Indicator> valid = indicators.findValidIn(year);
        CatalogInputException.refuse(refusals(year, form));
        Map<String, Target> before = targetsOf(year);
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Indicator i : valid) {
            String op = trim(form.operators().get(i.getCode()));
            IndicatorTarget.Key key = new IndicatorTarget.Key(i.getCode(), year);
            Optional<IndicatorTarget> stored = targets.findByKey(key);
            if (op.isEmpty()) {
                stored.ifPresent(targets::delete);
            } else {
                Comparison operator = Comparison.ofSymbol(op);
                BigDecimal value = number(form.values().get(i.getCode()));
                stored.ifPresentOrElse(
                        t -> t.set(operator, value),
                        () -> targets.save(new IndicatorTarget(i.getCode(), year, operator, value)));
            }
        }
        Map<String, Target> after = targetsOf(year);
        after.forEach((code, target) -> {
            if (before.get(code) == null
                    || !target.display().equals(before.get(code).display())) {
                changed.put(code, target.display());
            }
        });
        before.keySet().stream().filter(code -> !after.containsKey(code)).forEach(code -> changed.put(code, null));
        if (!changed.isEmpty()) {
            events.publishEvent(new CatalogueChanged(CatalogueChanged.Change.TARGETS_SET, year, null, changed));
        }
    }

    // ---- validation rules

    public List<RuleRow> rules(Viewer viewer) {
        viewer.require(Role.ADMIN);
        return rules.findAllByOrderByCode().stream()
                .map(r -> new RuleRow(r.toDef(), r.getFirstYear(), r.getLastYear()))
                .toList();
    }

    public RuleRow rule(String code, Viewer viewer) {
        viewer.require(Role.ADMIN);
        ValidationRule rule = rules.findByCode(code).orElseThrow(CatalogAdminService::notFound);
        return new RuleRow(rule.toDef(), rule.getFirstYear(), rule.getLastYear());
    }

    public RuleForm ruleForm(String code, Viewer viewer) {
        viewer.require(Role.ADMIN);
        return RuleForm.of(rules.findByCode(code).orElseThrow(CatalogAdminService::notFound));
    }

    /**
     * What the catalogue refuses in a new rule beyond its form's annotations: a code already used,
     * its indicators, its operator.
     */
    public List<FieldRefusal> refusals(RuleForm form) {
        List<FieldRefusal> errors = new ArrayList<>();
        String code = trim(form.code());
        if (code.matches(CODE_PATTERN) && rules.existsByCode(code)) {
            errors.add(new FieldRefusal("code", "catalogAdmin.codeTaken"));
        }
        checkPart(errors, "leftCode", trim(form.leftCode()));
        checkPart(errors, "rightCode", trim(form.rightCode()));
        if (errors.stream().noneMatch(e -> e.field().equals("rightCode"))
                && trim(form.leftCode()).equals(trim(form.rightCode()))) {
            errors.add(new FieldRefusal("rightCode", "catalogAdmin.partsDiffer"));
        }
        if (Arrays.stream(Comparison.values()).noneMatch(c -> c.symbol().equals(trim(form.operator())))) {
            errors.add(new FieldRefusal("operator", "catalogAdmin.required"));
        }
        return errors;
    }

    /** The approved reports a well-formed rule would flag, from its first year on. */
    public List<CatalogUsage.RuleViolation> preview(RuleForm form, Integer lastYear, Viewer viewer) {
        viewer.require(Role.ADMIN);
        return usage.violations(toRule(form), form.firstYearNumber(), lastYear);
    }

    /**
     * Adds a rule (its form's annotations judged its fields).
     *
     * @throws CatalogInputException when the catalogue refuses it (nothing is added)
     */
    @Transactional
    public RuleDef addRule(RuleForm form, Viewer viewer) {
        viewer.require(Role.ADMIN);
        CatalogInputException.refuse(refusals(form));
        ValidationRule rule = rules.save(new ValidationRule(toRule(form), form.firstYearNumber()));
        events.publishEvent(
                new CatalogueChanged(CatalogueChanged.Change.RULE_ADDED, rule.getCode(), null, state(rule)));
        return rule.toDef();
    }

    /** Changes a rule's severity and messages (its form's annotations judged them). */
    @Transactional
    public void editRule(String code, RuleTextsForm form, Viewer viewer) {
        viewer.require(Role.ADMIN);
        ValidationRule rule = rules.findByCode(code).orElseThrow(CatalogAdminService::notFound);
        Map<String, Object> before = state(rule);
        rule.edit(Severity.valueOf(form.severity()), trim(form.messageZh()), blankToNull(form.messageEn()));
        events.publishEvent(new CatalogueChanged(CatalogueChanged.Change.RULE_CHANGED, code, before, state(rule)));
    }

    /** @throws CatalogInputException on {@code fromYear} for a year out of range or not after its first */
    @Transactional
    public void retireRule(String code, int year, Viewer viewer) {
        viewer.require(Role.ADMIN);
        ValidationRule rule = rules.findByCode(code).orElseThrow(CatalogAdminService::notFound);
        checkRetiring(year, rule.getFirstYear());
        Map<String, Object> before = state(rule);
        rule.retireFrom(year);
        events.publishEvent(new CatalogueChanged(CatalogueChanged.Change.RULE_RETIRED, code, before, state(rule)));
    }

    // ---- helpers

    RuleDef toRule(RuleForm form) {
        return new RuleDef(
                trim(form.code()),
                trim(form.leftCode()),
                Comparison.ofSymbol(trim(form.operator())),
                trim(form.rightCode()),
                Severity.valueOf(form.severity()),
                trim(form.messageZh()),
                blankToNull(form.messageEn()));
    }

    private Map<String, Target> targetsOf(int year) {
        return targets.findByKeyYear(year).stream()
                .collect(Collectors.toMap(t -> t.getKey().indicatorCode(), IndicatorTarget::toTarget));
    }

    private Indicator find(String code) {
        return indicators.findByCode(code).orElseThrow(CatalogAdminService::notFound);
    }

    private void checkPart(List<FieldRefusal> errors, String field, String code) {
        if (code.isEmpty()) {
            errors.add(new FieldRefusal(field, "catalogAdmin.required"));
        } else if (indicators.findByCode(code).isEmpty()) {
            errors.add(new FieldRefusal(field, "catalogAdmin.unknownIndicator"));
        }
    }

    private static void checkTarget(
            List<FieldRefusal> errors, String field, String operator, String value, IndicatorKind kind) {
        String op = trim(operator);
        String typed = trim(value);
        if (op.isEmpty() && typed.isEmpty()) {
            return;
        }
        if (op.isEmpty()
                || Arrays.stream(Comparison.values()).noneMatch(c -> c.symbol().equals(op))) {
            errors.add(new FieldRefusal(field, "catalogAdmin.targetNeedsOperator"));
            return;
        }
        BigDecimal number = number(typed);
        if (number == null || number.signum() < 0) {
            errors.add(new FieldRefusal(field, "catalogAdmin.badTarget"));
        } else if (kind == IndicatorKind.RATE && number.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldRefusal(field, "value.rateOver100"));
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(trim(name)))
                .findFirst()
                .orElse(null);
    }

    private static BigDecimal number(String typed) {
        // the portal's one rule for typed numbers: a comma only between thousands (issue 16, L5)
        NumberText.Parsed parsed = NumberText.parse(trim(typed));
        if (!parsed.isNumber()) {
            return null;
        }
        BigDecimal value = parsed.value();
        return value.abs().compareTo(new BigDecimal("9999999999999999")) > 0 || value.scale() > 4 ? null : value;
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String text) {
        return trim(text).isEmpty() ? null : text.strip();
    }

    private static Map<String, Object> state(Indicator i) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("section", i.getSectionCode());
        state.put("nameZh", i.getNameZh());
        state.put("nameEn", i.getNameEn());
        state.put("unit", i.getUnit());
        state.put("kind", i.getKind());
        state.put("direction", i.getDirection());
        state.put("numerator", i.getNumeratorCode());
        state.put("denominator", i.getDenominatorCode());
        state.put("definitionZh", i.getDefinitionZh());
        state.put("firstYear", i.getFirstYear());
        state.put("lastYear", i.getLastYear());
        state.put("perCapita", i.isPerCapita());
        return state;
    }

    private static Map<String, Object> state(ValidationRule r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("rule", r.getLeftCode() + " " + r.getOperator().symbol() + " " + r.getRightCode());
        state.put("severity", r.getSeverity());
        state.put("messageZh", r.getMessageZh());
        state.put("messageEn", r.getMessageEn());
        state.put("firstYear", r.getFirstYear());
        state.put("lastYear", r.getLastYear());
        return state;
    }

    private static NotFoundException notFound() {
        return new NotFoundException();
    }
}
