package cn.fazhi.portal.report;

import static cn.fazhi.portal.report.ReportWorkbookLayout.CODE;
import static cn.fazhi.portal.report.ReportWorkbookLayout.COLUMNS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.COMPUTED;
import static cn.fazhi.portal.report.ReportWorkbookLayout.COUNTY_CODE_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.COUNTY_NAME_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.EXPLANATION;
import static cn.fazhi.portal.report.ReportWorkbookLayout.HEADER_LABELS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.HEADER_LABEL_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.HEADER_VALUE_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.HINT;
import static cn.fazhi.portal.report.ReportWorkbookLayout.HINT_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.LAST_YEAR;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NAME;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_COLUMNS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_HEADER_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_LABELS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_SHEET;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NOT_APPLICABLE;
import static cn.fazhi.portal.report.ReportWorkbookLayout.PART_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.PROTECTION_PASSWORD;
import static cn.fazhi.portal.report.ReportWorkbookLayout.SECTION;
import static cn.fazhi.portal.report.ReportWorkbookLayout.TABLE_HEADER_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.TEXT_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.UNIT;
import static cn.fazhi.portal.report.ReportWorkbookLayout.VALUE;
import static cn.fazhi.portal.report.ReportWorkbookLayout.VALUES_SHEET;
import static cn.fazhi.portal.report.ReportWorkbookLayout.YEAR_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.narrativeRow;

import cn.fazhi.portal.catalog.IndicatorKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a report as its Excel form (年度报告 Excel 填报表), to be filled in offline and uploaded
 * again. The report's county, year and version (the download stamp) are written twice, as a custom
 * property and in a hidden locked cell, so that an upload can tell a stale form. The sheets are protected: only the yellow cells (values, explanations, narrative texts)
 * are unlocked, so that codes, names and the header cannot be overwritten by accident.
 */
final class ReportWorkbookWriter {

    private ReportWorkbookWriter() {}

    static byte[] write(ReportExport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            writeValues(workbook.createSheet(VALUES_SHEET), report, styles);
            writeNarrative(workbook.createSheet(NARRATIVE_SHEET), report, styles);
            writeCustomFigures(workbook.createSheet(ReportWorkbookLayout.CUSTOM_SHEET), report, styles);
            workbook.getProperties()
                    .getCustomProperties()
                    .addProperty(ReportWorkbookLayout.DOWNLOAD_STAMP_PROPERTY, report.downloadStamp());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            // in memory: nothing here can fail for a reason the caller could handle
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValues(XSSFSheet sheet, ReportExport report, Styles styles) {
        header(sheet, COUNTY_CODE_ROW, styles).setCellValue(report.countyCode());
        header(sheet, COUNTY_NAME_ROW, styles).setCellValue(report.countyName());
        header(sheet, YEAR_ROW, styles).setCellValue(report.year());
        Cell hint = sheet.getRow(COUNTY_CODE_ROW).createCell(HINT_COLUMN);
        hint.setCellValue(HINT);
        hint.setCellStyle(styles.hint);
        sheet.addMergedRegion(new CellRangeAddress(COUNTY_CODE_ROW, YEAR_ROW, HINT_COLUMN, EXPLANATION));
        // locked like the rest of the header, and out of sight
        text(
                sheet.getRow(ReportWorkbookLayout.STAMP_ROW),
                ReportWorkbookLayout.STAMP_COLUMN,
                report.downloadStamp(),
                styles.text);
        sheet.setColumnHidden(ReportWorkbookLayout.STAMP_COLUMN, true);

        Row header = sheet.createRow(TABLE_HEADER_ROW);
        for (int column = 0; column < COLUMNS.size(); column++) {
            text(header, column, COLUMNS.get(column), styles.columnHeader);
        }
        int rowIndex = TABLE_HEADER_ROW + 1;
        for (ReportExport.Row value : report.rows()) {
            Row row = sheet.createRow(rowIndex++);
            IndicatorKind kind = value.indicator().kind();
            text(row, CODE, value.indicator().code(), styles.text);
            text(row, SECTION, value.sectionName(), styles.text);
            text(row, NAME, value.indicator().nameZh(), styles.text);
            text(row, UNIT, value.indicator().unit(), styles.text);
            number(row, LAST_YEAR, value.lastYear(), styles.figures.get(kind));
            number(row, VALUE, value.typedValue(), styles.editableNumber);
            if (value.hasRateFromParts() && value.rate().isNotApplicable()) {
                text(row, COMPUTED, NOT_APPLICABLE, styles.text);
            } else {
                number(
                        row,
                        COMPUTED,
                        value.hasRateFromParts() ? value.rate().percent() : null,
                        styles.figures.get(IndicatorKind.RATE));
            }
            text(row, EXPLANATION, value.explanation(), styles.editableText);
        }

        int[] widths = {28, 16, 40, 8, 14, 14, 10, 50};
        for (int column = 0; column < widths.length; column++) {
            sheet.setColumnWidth(column, widths[column] * 256);
        }
        sheet.createFreezePane(NAME + 1, TABLE_HEADER_ROW + 1);
        protect(sheet);
    }

    private static void writeNarrative(XSSFSheet sheet, ReportExport report, Styles styles) {
        Row header = sheet.createRow(NARRATIVE_HEADER_ROW);
        for (int column = 0; column < NARRATIVE_COLUMNS.size(); column++) {
            text(header, column, NARRATIVE_COLUMNS.get(column), styles.columnHeader);
        }
        NARRATIVE_LABELS.forEach((field, label) -> {
            Row row = sheet.createRow(narrativeRow(field));
            row.setHeightInPoints(160);
            text(row, PART_COLUMN, label, styles.label);
            text(row, TEXT_COLUMN, report.narrative().get(field), styles.editableText);
        });
        sheet.setColumnWidth(PART_COLUMN, 30 * 256);
        sheet.setColumnWidth(TEXT_COLUMN, 110 * 256);
        protect(sheet);
    }

    private static void writeCustomFigures(XSSFSheet sheet, ReportExport report, Styles styles) {
        Row header = sheet.createRow(ReportWorkbookLayout.CUSTOM_HEADER_ROW);
        List<String> columns = ReportWorkbookLayout.CUSTOM_COLUMNS;
        for (int column = 0; column < columns.size(); column++) {
            text(header, column, columns.get(column), styles.columnHeader);
        }
        int rowIndex = ReportWorkbookLayout.CUSTOM_HEADER_ROW + 1;
        for (ReportExport.Figure figure : report.customFigures()) {
            Row row = sheet.createRow(rowIndex++);
            text(row, ReportWorkbookLayout.CUSTOM_SECTION, figure.sectionName(), styles.editableText);
            text(row, ReportWorkbookLayout.CUSTOM_NAME, figure.figure().name(), styles.editableText);
            text(row, ReportWorkbookLayout.CUSTOM_UNIT, figure.figure().unit(), styles.editableText);
            number(row, ReportWorkbookLayout.CUSTOM_VALUE, figure.figure().value(), styles.editableNumber);
            text(row, ReportWorkbookLayout.CUSTOM_NOTE, figure.figure().note(), styles.editableText);
        }
        int last = rowIndex + ReportWorkbookLayout.CUSTOM_BLANK_ROWS - 1;
        for (; rowIndex <= last; rowIndex++) {
            Row row = sheet.createRow(rowIndex);
            for (int column = 0; column < columns.size(); column++) {
                text(
                        row,
                        column,
                        null,
                        column == ReportWorkbookLayout.CUSTOM_VALUE ? styles.editableNumber : styles.editableText);
            }
        }
        // the section is picked from the list of section names, so that the import can place it
        XSSFDataValidationHelper validations = new XSSFDataValidationHelper(sheet);
        DataValidation sections = validations.createValidation(
                validations.createExplicitListConstraint(report.sectionNames().toArray(String[]::new)),
                new CellRangeAddressList(
                        ReportWorkbookLayout.CUSTOM_HEADER_ROW + 1,
                        last,
                        ReportWorkbookLayout.CUSTOM_SECTION,
                        ReportWorkbookLayout.CUSTOM_SECTION));
        sections.setShowErrorBox(true);
        sheet.addValidationData(sections);
        int[] widths = {24, 36, 10, 14, 50};
        for (int column = 0; column < widths.length; column++) {
            sheet.setColumnWidth(column, widths[column] * 256);
        }
        sheet.createFreezePane(0, ReportWorkbookLayout.CUSTOM_HEADER_ROW + 1);
        protect(sheet);
    }

    /** The value cell of a header row, after its label. */
    private static Cell header(XSSFSheet sheet, int rowIndex, Styles styles) {
        Row row = sheet.createRow(rowIndex);
        text(row, HEADER_LABEL_COLUMN, HEADER_LABELS.get(rowIndex - COUNTY_CODE_ROW), styles.label);
        Cell value = row.createCell(HEADER_VALUE_COLUMN);
        value.setCellStyle(styles.headerValue);
        return value;
    }

    /** Writes a text cell; an empty one for null, which still carries the style (and so the unlocking). */
    private static void text(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (text != null) {
            cell.setCellValue(text);
        }
    }

    /**
     * Writes a numeric cell. Values have at most 16 digits and 4 decimals; the double Excel keeps
     * gives them back exactly as long as they have no more than 15 significant digits, which
     * every real figure has.
     */
    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    private static void protect(XSSFSheet sheet) {
        sheet.protectSheet(PROTECTION_PASSWORD);
        // widening a column or a row to read a long text changes no content
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
    }

    /** A workbook has a limited number of styles: each is made once and shared by its cells. */
    private static final class Styles {

        final CellStyle label;
        final CellStyle headerValue;
        final CellStyle hint;
        final CellStyle columnHeader;
        final CellStyle text;
        final Map<IndicatorKind, CellStyle> figures = new EnumMap<>(IndicatorKind.class);
        final CellStyle editableNumber;
        final CellStyle editableText;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            label = workbook.createCellStyle();
            label.setFont(bold);
            label.setWrapText(true);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            headerValue = workbook.createCellStyle();
            headerValue.setFont(bold);
            hint = workbook.createCellStyle();
            hint.setWrapText(true);
            hint.setVerticalAlignment(VerticalAlignment.TOP);
            columnHeader = workbook.createCellStyle();
            columnHeader.setFont(bold);
            columnHeader.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            columnHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            columnHeader.setBorderBottom(BorderStyle.THIN);
            text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            short count = workbook.createDataFormat().getFormat("#,##0");
            short amount = workbook.createDataFormat().getFormat("#,##0.00");
            short rate = workbook.createDataFormat().getFormat("0.0");
            figures.put(IndicatorKind.COUNT, figure(workbook, count));
            figures.put(IndicatorKind.AMOUNT, figure(workbook, amount));
            figures.put(IndicatorKind.RATE, figure(workbook, rate));
            // General format: the clerk sees a value as typed, with no rounding to a format's places
            editableNumber = editable(workbook);
            editableText = editable(workbook);
            editableText.setWrapText(true);
        }

        private static CellStyle figure(XSSFWorkbook workbook, short format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }

        private static CellStyle editable(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setLocked(false);
            style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
