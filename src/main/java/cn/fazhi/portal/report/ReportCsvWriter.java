package cn.fazhi.portal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a report's values as CSV (年度报告数据 CSV), for anyone who wants the figures in another
 * program: one row per indicator, the values as the report's page shows them, then one row per
 * custom figure (with no code). The narrative is left out: it is prose, not data.
 */
final class ReportCsvWriter {

    static final List<String> COLUMNS = List.of("指标代码", "板块", "指标名称", "单位", "上年数值", "本年数值", "说明");

    /** Excel reads a CSV file as the system's code page (GBK in China) unless it starts with this. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private ReportCsvWriter() {}

    static byte[] write(ReportExport report) {
        StringBuilder out = new StringBuilder(BYTE_ORDER_MARK);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(COLUMNS);
            for (ReportExport.Row row : report.rows()) {
                csv.printRecord(
                        row.indicator().code(),
                        text(row.sectionName()),
                        text(row.indicator().nameZh()),
                        text(row.indicator().unit()),
                        plain(row.lastYear()),
                        value(row),
                        text(row.explanation()));
            }
            // custom figures have no code: that is how a reader tells them from the catalogue's
            for (ReportExport.Figure custom : report.customFigures()) {
                csv.printRecord(
                        "",
                        text(custom.sectionName()),
                        text(custom.figure().name()),
                        text(custom.figure().unit()),
                        "",
                        plain(custom.figure().value()),
                        text(custom.figure().note()));
            }
        } catch (IOException e) {
            // a StringBuilder does not fail
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A computed rate as published, to one decimal; what the clerk typed, exactly. */
    private static String value(ReportExport.Row row) {
        if (row.isNotApplicable()) {
            return ReportWorkbookLayout.NOT_APPLICABLE;
        }
        BigDecimal value = row.shownValue();
        if (value != null && row.indicator().isComputed() && !row.isTyped()) {
            return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
        }
        return plain(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * A text as a spreadsheet will not run it: a cell that starts like a formula is written with a
     * leading apostrophe, so that an explanation such as "=HYPERLINK(…)" stays text (CSV injection).
     */
    private static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
