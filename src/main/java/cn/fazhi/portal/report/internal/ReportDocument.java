package cn.fazhi.portal.report.internal;

import java.util.List;

/**
 * The annual report as a document (年度报告文本), its texts in the reader's language: what the print
 * view and the Word file both show, selected once ({@link ReportDocuments}) so that the two list the
 * same parts, key figures and appendix rows.
 *
 * @param draft a report not yet approved: marked 草稿 wherever it appears
 * @param parts the four narrative parts in the customary order
 * @param keyFigures one sentence per section with a reported catalogue figure, written after part one
 * @param approvedOn the date of approval in China, written as a Chinese document dates itself; null for a draft
 * @param appendixColumns the appendix table's column headings: indicator, unit, value, last year, target
 * @param appendix the sections with a reported figure, each with its non-blank rows
 * @param versionNote which published version this is, when it is not simply the only one: a
 *     correction (第 2 版), an earlier version, or the published version while a correction is under
 *     way (更正中); null otherwise
 */
public record ReportDocument(
        String countyCode,
        int year,
        boolean draft,
        String title,
        String runningHead,
        String draftMark,
        String draftNote,
        List<Part> parts,
        String keyFiguresLead,
        List<String> keyFigures,
        String signature,
        String approvedOn,
        String appendixTitle,
        List<String> appendixColumns,
        List<AppendixSection> appendix,
        String source,
        String versionNote) {

    /**
     * A narrative part.
     *
     * @param id the part's stable name (measures, problems, leadersDuty, nextYearPlan)
     * @param paragraphs the clerk's text split at its line breaks, without blank lines
     */
    public record Part(String id, String heading, List<String> paragraphs) {}

    /** A section of the appendix: its name and its reported figures, catalogue indicators first. */
    public record AppendixSection(String code, String name, List<AppendixRow> rows) {}

    /**
     * A row of the appendix.
     *
     * @param indicatorCode the catalogue indicator, or null for a county's own figure (其他数据)
     * @param value the value as the report shows it, or 不适用 for a rate without a denominator
     * @param lastYear last year's approved value, or null
     * @param target the year's target; for a county's own figure, which has none, its note
     */
    public record AppendixRow(
            String indicatorCode, String name, String unit, String value, String lastYear, String target) {

        public boolean isCustom() {
            return indicatorCode == null;
        }
    }
}
