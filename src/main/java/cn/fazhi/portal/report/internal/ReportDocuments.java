package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.TimeConfiguration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the annual report as a document ({@link ReportDocument}) from what the viewer may read of a
 * report: the one place that decides which figures the document lists and how it writes them.
 */
@Component
public class ReportDocuments {

    /** A Chinese official document dates itself in full: 2024年2月20日. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final MessageSource messages;

    ReportDocuments(MessageSource messages) {
        this.messages = messages;
    }

    public ReportDocument of(ReportView report, Locale locale) {
        String county = report.county().name();
        int year = report.year();
        List<ReportDocument.Part> parts = List.of(
                part("measures", "report.print.part1", report.measuresText(), locale),
                part("problems", "report.print.part2", report.problemsText(), locale),
                part("leadersDuty", "report.print.part3", report.leadersDutyText(), locale),
                part("nextYearPlan", "report.print.part4", report.nextYearPlanText(), locale));
        List<String> columns = Stream.of(
                        "catalog.name", "catalog.unit", "report.value", "report.lastYear", "catalog.target")
                .map(key -> text(key, locale))
                .toList();
        return new ReportDocument(
                report.county().code(),
                year,
                !report.status().isPublished(),
                text("report.print.title", locale, county, year),
                text("report.print.runningHead", locale, county, year),
                text("report.print.draft", locale),
                text("report.print.draftNote", locale),
                parts,
                text("report.document.keyFigures", locale),
                keyFigures(report, locale),
                text("report.print.signature", locale, county),
                report.approvedAt() == null
                        ? null
                        : DATE.format(report.approvedAt().atZone(TimeConfiguration.CHINA)),
                text("report.print.appendix", locale, year),
                columns,
                appendix(report, locale),
                text("report.print.source", locale),
                versionNote(report, locale));
    }

    private String versionNote(ReportView report, Locale locale) {
        Integer shown = report.shownVersion();
        if (shown == null) {
            return null;
        }
        String approved = DATE.format(report.approvedAt().atZone(TimeConfiguration.CHINA));
        if (report.correcting() && shown.equals(report.latestVersion())) {
            return text("report.document.correcting", locale, shown, approved);
        }
        if (shown > 1 || !shown.equals(report.latestVersion())) {
            return text("report.document.version", locale, shown, approved);
        }
        return null;
    }

    /** The file name a download of the document carries: county code, year, what it is. */
    public String fileName(ReportDocument document, Locale locale) {
        return text(
                document.draft() ? "report.document.draftFileName" : "report.document.fileName",
                locale,
                document.countyCode(),
                document.year());
    }

    private ReportDocument.Part part(String id, String headingKey, String text, Locale locale) {
        List<String> paragraphs = text == null
                ? List.of()
                : text.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
        return new ReportDocument.Part(
                id,
                text(headingKey, locale),
                paragraphs.isEmpty() ? List.of(text("report.print.missing", locale)) : paragraphs);
    }

    /**
     * A sentence per section with the catalogue figures the county reported in it, as a report
     * writes them into its account of the year ("…为14次；…为95.0%。"). A rate without a denominator
     * says nothing and stays in the appendix, as do the county's own figures.
     */
    private List<String> keyFigures(ReportView report, Locale locale) {
        List<String> sentences = new ArrayList<>();
        String separator = text("report.document.figureSeparator", locale);
        for (SectionValues section : report.sections()) {
            List<String> figures = section.rows().stream()
                    .filter(r -> r.value() != null)
                    .map(r -> text(
                            "report.document.figure",
                            locale,
                            r.indicator().name(locale),
                            r.display(),
                            r.indicator().unit()))
                    .toList();
            if (!figures.isEmpty()) {
                sentences.add(text(
                        "report.document.sectionFigures",
                        locale,
                        section.section().name(locale),
                        String.join(separator, figures)));
            }
        }
        return sentences;
    }

    /** Every section with a reported figure, and only the rows with a value: no empty row is printed. */
    private List<ReportDocument.AppendixSection> appendix(ReportView report, Locale locale) {
        String notApplicable = text("report.notApplicable", locale);
        List<ReportDocument.AppendixSection> sections = new ArrayList<>();
        for (SectionValues section : report.sections()) {
            List<ReportDocument.AppendixRow> rows = new ArrayList<>();
            section.rows().stream()
                    .filter(r -> !r.isBlank())
                    .map(r -> new ReportDocument.AppendixRow(
                            r.indicator().code(),
                            r.indicator().name(locale),
                            r.indicator().unit(),
                            r.notApplicable() ? notApplicable : r.display(),
                            r.lastYear(),
                            r.indicator().target() == null
                                    ? null
                                    : r.indicator().target().display()))
                    .forEach(rows::add);
            section.customFigures().stream()
                    .map(f -> new ReportDocument.AppendixRow(null, f.name(), f.unit(), f.display(), null, f.note()))
                    .forEach(rows::add);
            if (!rows.isEmpty()) {
                sections.add(new ReportDocument.AppendixSection(
                        section.section().code(), section.section().name(locale), List.copyOf(rows)));
            }
        }
        return sections;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
