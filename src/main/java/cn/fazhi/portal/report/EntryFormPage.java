package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.config.RenderedFragments;
import cn.fazhi.portal.report.internal.EntryRow;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.ReportForm;
import cn.fazhi.portal.report.internal.SectionForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;

/**
 * Puts the report form (填报表) on the page ({@code report/edit}): the form ({@code entry}; what was
 * posted, if anything, is the model's {@code form}), the report's address
 * ({@code reportBase}, which the template's links start from) and its indicator rows, section tabs
 * and findings as view records whose every text, id, class and link is ready, so that the
 * template's rows, tabs and findings are plain reads (a row used to take some thirty expressions,
 * messages and string joins included). Markup stays in the template; escaping is Thymeleaf's.
 *
 * <p>The rows are rendered apart ({@code report/entry-rows}) and kept by what they show: a section
 * of twenty rows costs some 3 ms of template work, and a clerk (or a reviewer, or the same clerk
 * going from tab to tab) opens the same section with the same figures again and again between two
 * saves. What was typed and refused is part of the rows, so such a page is simply another key.
 */
@Component
class EntryFormPage {

    /** One indicator row of the form; a null attribute is left out of the markup. */
    record Row(
            String rowId,
            String rowClass,
            String name,
            String definition,
            String valueField,
            String valueName,
            String helpId,
            String inputClass,
            String input,
            String inputDescribedBy,
            String ariaInvalid,
            String numeratorField,
            String denominatorField,
            String notApplicableText,
            String unit,
            String computedId,
            String computedText,
            String notApplicableShown,
            String errorId,
            String errorText,
            String findingsId,
            List<RowFinding> findings,
            String lastYear,
            String target,
            String explanationField,
            String explanationName,
            String explanationLabel,
            String explanationClass,
            String placeholder,
            String explanation,
            String explanationErrorId,
            String explanationErrorText) {}

    /** A finding under its field: "错误" or "提示" and what it says. */
    record RowFinding(String cssClass, String label, String text) {}

    /** A section's tab with its progress; the error and warning badges are null when there are none. */
    record Tab(
            String cssClass,
            String href,
            String ariaCurrent,
            String name,
            String progress,
            String errors,
            String warnings) {}

    /** A finding of the whole report, a link to its field; {@code explained} is the badge's text or null. */
    record ListedFinding(String cssClass, String href, String text, String explained) {}

    /**
     * What the kept rows may weigh, in characters: a section's rows are 20–40,000, so some 200 to
     * 400 sections, about 16 MB of the heap at worst.
     */
    static final long MAX_WEIGHT = 8L * 1024 * 1024;

    private final MessageSource messages;
    private final RenderedFragments rendered;

    EntryFormPage(MessageSource messages, ITemplateEngine templates) {
        this.messages = messages;
        this.rendered = new RenderedFragments(templates, "report/entry-rows", MAX_WEIGHT);
    }

    String show(Model model, ReportForm form, Locale locale) {
        String contextPath = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest()
                .getContextPath();
        String base = contextPath + "/counties/" + form.county().code() + "/reports/" + form.year();
        model.addAttribute("entry", form);
        model.addAttribute("reportBase", base);
        model.addAttribute("entryRowsHtml", rendered.render("rows", "entryRows", rows(form, locale), locale));
        model.addAttribute("sectionTabs", tabs(form, base, locale));
        model.addAttribute("findingItems", findings(form, base, locale));
        return "report/edit";
    }

    /** How many sections' rows were rendered rather than found kept. */
    long renderings() {
        return rendered.renderings();
    }

    List<Row> rows(ReportForm form, Locale locale) {
        List<Row> rows = new ArrayList<>(form.rows().size());
        for (EntryRow row : form.rows()) {
            rows.add(row(row, form.year(), locale));
        }
        return rows;
    }

    private Row row(EntryRow row, int year, Locale locale) {
        IndicatorDef indicator = row.indicator();
        String code = indicator.code();
        String name = indicator.name(locale);
        boolean computed = indicator.isComputed();
        String notApplicable = computed ? message(locale, "report.notApplicable") : null;
        List<RowFinding> findings = row.findings().stream()
                .map(f -> new RowFinding(
                        findingClass(f),
                        message(locale, f.isError() ? "finding.error" : "finding.warning"),
                        findingText(f, locale)))
                .toList();
        String lastYear = row.lastYear() != null
                ? row.lastYear()
                : indicator.firstYear() >= year ? message(locale, "report.newInCatalogue") : "—";
        return new Row(
                "field-" + code,
                row.rowClass(),
                name,
                indicator.definition(locale),
                "v_" + code,
                SectionForm.valueField(code),
                "help-" + code,
                row.inputClass(),
                row.input(),
                row.inputDescribedBy(),
                row.valueError() != null ? "true" : null,
                row.numeratorField(),
                row.denominatorField(),
                notApplicable,
                indicator.unit(),
                computed ? "computed-" + code : null,
                computed && row.computedDisplay() != null
                        ? message(locale, "report.computedValue", row.computedDisplay())
                        : null,
                computed && row.notApplicable() ? notApplicable : null,
                row.valueError() != null ? "err-" + code : null,
                row.valueError() != null ? message(locale, row.valueError()) : null,
                findings.isEmpty() ? null : "find-" + code,
                findings,
                lastYear,
                indicator.target() != null ? indicator.target().display() : "",
                "e_" + code,
                SectionForm.explanationField(code),
                message(locale, "report.explanationFor", name),
                row.explanationClass(),
                message(locale, row.placeholderKey()),
                row.explanation(),
                row.explanationError() != null ? "eerr-" + code : null,
                row.explanationError() != null ? message(locale, row.explanationError()) : null);
    }

    /** The section tabs (the narrative's tab follows in the template). */
    List<Tab> tabs(ReportForm form, String base, Locale locale) {
        return form.tabs().stream()
                .map(tab -> {
                    String code = tab.section().code();
                    boolean current = code.equals(form.section());
                    return new Tab(
                            current ? "nav-link active" : "nav-link",
                            base + "/edit?section=" + code,
                            current ? "page" : null,
                            tab.section().name(locale),
                            tab.filled() + "/" + tab.total(),
                            tab.errors() > 0 ? Long.toString(tab.errors()) : null,
                            tab.warnings() > 0 ? Long.toString(tab.warnings()) : null);
                })
                .toList();
    }

    /** The findings of the whole report, each a link to its field. */
    List<ListedFinding> findings(ReportForm form, String base, Locale locale) {
        return form.findings().stream()
                .map(f -> new ListedFinding(
                        findingClass(f),
                        base + "/edit?section=" + f.sectionCode() + "#field-" + f.indicatorCode(),
                        findingText(f, locale),
                        !f.isError() && f.explained() ? message(locale, "finding.explained") : null))
                .toList();
    }

    private static String findingClass(Finding finding) {
        return finding.isError() ? "text-danger" : "text-warning-emphasis";
    }

    /** What a finding says: the catalogue rule's own text, or its message with its arguments. */
    private String findingText(Finding finding, Locale locale) {
        return finding.text() != null
                ? finding.text()
                : messages.getMessage(finding.messageKey(), finding.args().toArray(), locale);
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }
}
