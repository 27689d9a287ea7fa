package cn.fazhi.portal.inspection;

import cn.fazhi.portal.inspection.internal.FindingRow;
import cn.fazhi.portal.inspection.internal.FindingStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The findings list as CSV and as an Excel sheet: the same columns, headed in the user's language,
 * texts that start like a formula written as text (CSV injection).
 */
@Component
class FindingExport {

    static final List<String> COLUMNS = List.of(
            "id",
            "countyCode",
            "county",
            "kind",
            "year",
            "body",
            "description",
            "severity",
            "section",
            "indicator",
            "deadline",
            "status",
            "overdue",
            "daysLeft",
            "rectifiedOn",
            "repliedAt",
            "acceptedAt");

    /** Excel reads a CSV file as the system's code page (GBK in China) unless it starts with this. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final MessageSource messages;

    FindingExport(MessageSource messages) {
        this.messages = messages;
    }

    byte[] csv(List<FindingRow> rows, Locale locale) {
        StringBuilder out = new StringBuilder(BYTE_ORDER_MARK);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(headers(locale));
            for (FindingRow row : rows) {
                csv.printRecord(cells(row, locale));
            }
        } catch (IOException e) {
            // a StringBuilder does not fail
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(List<FindingRow> rows, Locale locale) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.getMessage("inspection.findings", null, locale));
            write(sheet.createRow(0), headers(locale));
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), cells(rows.get(i), locale));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c));
        }
    }

    private List<String> headers(Locale locale) {
        return COLUMNS.stream()
                .map(c -> messages.getMessage("inspection.column." + c, null, locale))
                .toList();
    }

    private List<String> cells(FindingRow row, Locale locale) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(row.id()));
        cells.add(row.county().code());
        cells.add(text(row.county().name()));
        cells.add(messages.getMessage("inspection.kind." + row.kind(), null, locale));
        cells.add(Integer.toString(row.year()));
        cells.add(text(row.inspectingBody()));
        cells.add(text(row.description()));
        cells.add(messages.getMessage("inspection.severity." + row.severity(), null, locale));
        cells.add(text(row.sectionName()));
        cells.add(text(row.indicatorName()));
        cells.add(date(row.deadline()));
        cells.add(messages.getMessage("inspection.status." + row.status(), null, locale));
        cells.add(messages.getMessage(row.overdue() ? "inspection.yes" : "inspection.no", null, locale));
        cells.add(row.status() == FindingStatus.CLOSED ? "" : Long.toString(row.daysLeft()));
        cells.add(date(row.rectifiedOn()));
        cells.add(instant(row.repliedAt()));
        cells.add(instant(row.acceptedAt()));
        return cells;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String instant(Instant instant) {
        return instant == null
                ? ""
                : instant.atZone(cn.fazhi.portal.config.TimeConfiguration.CHINA)
                        .toLocalDate()
                        .toString();
    }

    /** A text a spreadsheet would run as a formula gets a leading apostrophe. */
    private static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
