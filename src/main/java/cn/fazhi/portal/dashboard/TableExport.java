package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.dashboard.DashboardTable.Cell;
import cn.fazhi.portal.dashboard.DashboardTable.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A dashboard table as a CSV file (UTF-8 with a byte order mark, so that Excel reads the Chinese)
 * or an XLSX workbook: the page's headers and cell texts, numbers as numbers in the workbook.
 */
final class TableExport {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private TableExport() {}

    /** The table as a download; {@code format} is csv or xlsx, {@code fileName} without extension. */
    static ResponseEntity<byte[]> download(DashboardTable table, String format, String fileName) {
        boolean xlsx = "xlsx".equals(format.toLowerCase(Locale.ROOT));
        String name = fileName.replaceAll("[^A-Za-z0-9+._-]", "_") + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(xlsx ? xlsx(table) : csv(table));
    }

    static byte[] csv(DashboardTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(
                new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(table.headers().toArray(String[]::new))
                        .get())) {
            for (Row row : table.rows()) {
                printer.printRecord(row.cells().stream().map(Cell::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Written through POI's streaming workbook with the texts inline: the shared-strings table of
     * the plain {@code XSSFWorkbook} (an XML object per text) was three quarters of an export's CPU.
     */
    static byte[] xlsx(DashboardTable table) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, SXSSFWorkbook.DEFAULT_WINDOW_SIZE, false, false);
        try (workbook;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(table.name());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            java.util.Map<String, CellStyle> numberStyles = new java.util.HashMap<>();
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                org.apache.poi.ss.usermodel.Cell cell = header.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
                java.util.List<Cell> cells = table.rows().get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    Cell source = cells.get(c);
                    org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                    if (source.number() != null) {
                        cell.setCellValue(source.number().doubleValue());
                        cell.setCellStyle(numberStyles.computeIfAbsent(source.pattern(), p -> {
                            CellStyle style = workbook.createCellStyle();
                            style.setDataFormat(workbook.createDataFormat().getFormat(p));
                            return style;
                        }));
                    } else {
                        cell.setCellValue(source.text());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose(); // its temporary file of rows
        }
    }
}
