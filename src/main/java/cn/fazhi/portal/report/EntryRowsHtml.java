package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.config.Html;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The indicator rows of the report form as HTML, written in one pass, and the section tabs and the
 * list of findings above and below them. In the template a row took some thirty expressions (ids,
 * the fields' descriptions, classes, messages), a tab eight, a finding six, each going through
 * Thymeleaf's expression checks: that was most of the form's time. The markup is the template's:
 * the same elements, ids, names, classes, aria attributes and messages next to their fields, every
 * text and attribute escaped as {@code th:text} escapes it; messages come from the same
 * {@link MessageSource} in the page's locale; links carry the application's context path as
 * {@code @{…}} writes it.
 */
final class EntryRowsHtml {

    /**
     * Puts the form on the page ({@code report/edit}) with its rows, tabs and findings written
     * ({@code entryRows}, {@code sectionTabs}, {@code findingItems}) and the report's address
     * ({@code reportBase}), which the template's own links start from too.
     */
    @Component
    static class Page {

        private final MessageSource messages;

        Page(MessageSource messages) {
            this.messages = messages;
        }

        String show(Model model, ReportForm form, Locale locale) {
            String contextPath = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                    .getRequest().getContextPath();
            String base = contextPath + "/counties/" + form.county().code() + "/reports/" + form.year();
            model.addAttribute("form", form);
            model.addAttribute("reportBase", base);
            model.addAttribute("entryRows", rows(form, messages, locale));
            model.addAttribute("sectionTabs", tabs(form, base, messages, locale));
            model.addAttribute("findingItems", findings(form, base, messages, locale));
            return "report/edit";
        }
    }

    private final MessageSource messages;
    private final Locale locale;
    private final StringBuilder html;

    private EntryRowsHtml(MessageSource messages, Locale locale, int rows) {
        this.messages = messages;
        this.locale = locale;
        this.html = new StringBuilder(rows * 2048);
    }

    /** The rows of the form's table body. */
    static String rows(ReportForm form, MessageSource messages, Locale locale) {
        EntryRowsHtml writer = new EntryRowsHtml(messages, locale, form.rows().size());
        form.rows().forEach(row -> writer.row(row, form.year()));
        return writer.html.toString();
    }

    /** The section tabs ({@code <li>} items; the narrative's tab follows in the template). */
    static String tabs(ReportForm form, String base, MessageSource messages, Locale locale) {
        EntryRowsHtml writer = new EntryRowsHtml(messages, locale, 1);
        for (SectionTab tab : form.tabs()) {
            String code = tab.section().code();
            boolean current = code.equals(form.section());
            writer.append("<li class=\"nav-item\">\n").open("a").attr("class", current ? "nav-link active" : "nav-link")
                    .attr("href", base + "/edit?section=" + code).attr("aria-current", current ? "page" : null)
                    .append(">\n<span>").text(tab.section().name(locale)).append("</span>\n")
                    .append("<span class=\"badge text-bg-light\">").text(tab.filled() + "/" + tab.total()).append("</span>\n");
            if (tab.errors() > 0) {
                writer.append("<span class=\"badge text-bg-danger\">").text(Long.toString(tab.errors())).append("</span>\n");
            }
            if (tab.warnings() > 0) {
                writer.append("<span class=\"badge text-bg-warning\">").text(Long.toString(tab.warnings()))
                        .append("</span>\n");
            }
            writer.append("</a>\n</li>\n");
        }
        return writer.html.toString();
    }

    /** The findings of the whole report, each a link to its field ({@code <li>} items of {@code #findings}). */
    static String findings(ReportForm form, String base, MessageSource messages, Locale locale) {
        EntryRowsHtml writer = new EntryRowsHtml(messages, locale, 1);
        for (Finding finding : form.findings()) {
            writer.open("li").attr("class", finding.isError() ? "text-danger" : "text-warning-emphasis").append(">\n")
                    .open("a").attr("href", base + "/edit?section=" + finding.sectionCode() + "#field-"
                            + finding.indicatorCode())
                    .append("><span>").text(writer.findingText(finding)).append("</span></a>\n");
            if (!finding.isError() && finding.explained()) {
                writer.append("<span class=\"badge text-bg-light\">").text(writer.message("finding.explained"))
                        .append("</span>\n");
            }
            writer.append("</li>\n");
        }
        return writer.html.toString();
    }

    private void row(EntryRow row, int year) {
        IndicatorDef indicator = row.indicator();
        String code = indicator.code();
        String name = indicator.name(locale);
        open("tr").attr("id", "field-" + code).attr("class", row.rowClass()).append(">\n");

        append("<th scope=\"row\" class=\"fw-normal\">\n");
        open("label").attr("for", "v_" + code).append('>').text(name).append("</label>\n");
        append("<div class=\"small text-body-secondary\"").attr("id", "help-" + code).append('>')
                .text(indicator.definition(locale)).append("</div>\n");
        append("</th>\n");

        append("<td class=\"entry-cell\">\n<div class=\"input-group input-group-sm\">\n");
        append("<input type=\"text\"").attr("class", row.inputClass()).attr("id", "v_" + code)
                .attr("name", "v_" + code).attr("value", row.input())
                .append(" inputmode=\"decimal\" autocomplete=\"off\" maxlength=\"40\"")
                .attr("aria-describedby", row.inputDescribedBy())
                .attr("aria-invalid", row.valueError() != null ? "true" : null)
                .attr("data-numerator", row.numeratorField()).attr("data-denominator", row.denominatorField())
                .attr("data-not-applicable", indicator.isComputed() ? message("report.notApplicable") : null)
                .append(">\n");
        append("<span class=\"input-group-text\">").text(indicator.unit()).append("</span>\n</div>\n");
        if (indicator.isComputed()) {
            append("<div class=\"small text-body-secondary\"").attr("id", "computed-" + code)
                    .append(" aria-live=\"polite\">\n");
            if (row.computedDisplay() != null) {
                append("<span>").text(message("report.computedValue", row.computedDisplay())).append("</span>\n");
            }
            if (row.notApplicable()) {
                append("<span>").text(message("report.notApplicable")).append("</span>\n");
            }
            append("</div>\n");
        }
        if (row.valueError() != null) {
            append("<div class=\"invalid-feedback d-block\"").attr("id", "err-" + code).append('>')
                    .text(message(row.valueError())).append("</div>\n");
        }
        if (!row.findings().isEmpty()) {
            append("<ul class=\"list-unstyled small mb-0 mt-1\"").attr("id", "find-" + code).append(">\n");
            for (Finding finding : row.findings()) {
                open("li").attr("class", finding.isError() ? "text-danger" : "text-warning-emphasis").append(">\n");
                append("<span>").text(message(finding.isError() ? "finding.error" : "finding.warning"))
                        .append("</span>：<span>").text(findingText(finding)).append("</span>\n</li>\n");
            }
            append("</ul>\n");
        }
        append("</td>\n");

        String lastYear = row.lastYear() != null ? row.lastYear()
                : indicator.firstYear() >= year ? message("report.newInCatalogue") : "—";
        append("<td class=\"text-nowrap\">").text(lastYear).append("</td>\n");
        append("<td class=\"text-nowrap\">").text(indicator.target() != null ? indicator.target().display() : "")
                .append("</td>\n");

        append("<td>\n<label class=\"visually-hidden\"").attr("for", "e_" + code).append('>')
                .text(message("report.explanationFor", name)).append("</label>\n");
        append("<textarea").attr("class", row.explanationClass()).append(" rows=\"1\"").attr("id", "e_" + code)
                .attr("name", "e_" + code).attr("placeholder", message(row.placeholderKey()))
                .attr("aria-describedby", row.explanationError() != null ? "eerr-" + code : null).append('>')
                .text(row.explanation()).append("</textarea>\n");
        if (row.explanationError() != null) {
            append("<div class=\"invalid-feedback\"").attr("id", "eerr-" + code).append('>')
                    .text(message(row.explanationError())).append("</div>\n");
        }
        append("</td>\n</tr>\n");
    }

    /** What a finding says: the catalogue rule's own text, or its message with its arguments. */
    private String findingText(Finding finding) {
        return finding.text() != null ? finding.text()
                : messages.getMessage(finding.messageKey(), finding.args().toArray(), locale);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    private EntryRowsHtml open(String element) {
        html.append('<').append(element);
        return this;
    }

    /** An attribute, left out when its value is null (as th:attr leaves it out). */
    private EntryRowsHtml attr(String name, String value) {
        if (value != null) {
            html.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"');
        }
        return this;
    }

    private EntryRowsHtml text(String text) {
        if (text != null) {
            html.append(Html.escape(text));
        }
        return this;
    }

    private EntryRowsHtml append(String markup) {
        html.append(markup);
        return this;
    }

    private EntryRowsHtml append(char c) {
        html.append(c);
        return this;
    }
}
