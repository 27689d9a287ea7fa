package cn.fazhi.portal.report;

import static cn.fazhi.portal.report.ReportWorkbookLayout.CODE;
import static cn.fazhi.portal.report.ReportWorkbookLayout.COLUMNS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.COUNTY_CODE_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.EXPLANATION;
import static cn.fazhi.portal.report.ReportWorkbookLayout.HEADER_VALUE_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_COLUMNS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_HEADER_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_LABELS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_SHEET;
import static cn.fazhi.portal.report.ReportWorkbookLayout.PART_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.TABLE_HEADER_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.TEXT_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.VALUE;
import static cn.fazhi.portal.report.ReportWorkbookLayout.VALUES_SHEET;
import static cn.fazhi.portal.report.ReportWorkbookLayout.YEAR_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.narrativeRow;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.IndicatorDef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded Excel form of a report (年度报告 Excel 填报表) and checks all of it: the header
 * must name this report's county and year, every code must be one of the year's catalogue and
 * appear once, every value must be a number of its indicator's kind (as the form reads typed
 * values), texts must fit. Every problem is listed by sheet, row and column; the caller writes
 * nothing unless there is none.
 *
 * <p>A row that is not in the file leaves the stored value as it is, as a field the form does not
 * send does; a row whose value cell is blank clears the value, as a blank field does.
 */
final class ReportWorkbookReader {

    /**
     * The largest part of the file once unzipped. A real form is well under 1 MB; without a limit a
     * 5 MB upload could unzip to hundreds of MB (POI only refuses ratios beyond 1:100). POI keeps
     * this setting for the whole JVM, and this is the only place the portal reads workbooks.
     */
    static final long MAX_UNZIPPED_PART = 20L * 1024 * 1024;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_UNZIPPED_PART);
    }

    /** What the file says, to be applied only when {@code problems} is empty. */
    /** @param downloadStamp county/year/version of the report the file was downloaded from, or null */
    /**
     * @param customFigures the third sheet's figures; null when the workbook has no such sheet
     *     (one downloaded before custom figures existed), which leaves the report's as they are
     */
    record Content(List<Value> values, Map<String, String> narrative, List<ImportProblem> problems,
            String downloadStamp, List<Figure> customFigures) {

        boolean isValid() {
            return problems.isEmpty();
        }
    }

    /** One row of the third sheet: a custom figure in a section. */
    record Figure(String sectionCode, CustomFigure.Content content) {
    }

    /** One indicator's row: the value (null for a blank cell) and the explanation as typed. */
    record Value(IndicatorDef indicator, BigDecimal value, String explanation) {
    }

    private final Catalog catalog;
    private final List<ImportProblem> problems = new ArrayList<>();

    private ReportWorkbookReader(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param content the uploaded bytes; their size is checked before they are read into memory
     * @param countyCode and {@code year}: the report the file must be of
     */
    static Content read(byte[] content, Catalog catalog, String countyCode, int year) {
        ReportWorkbookReader reader = new ReportWorkbookReader(catalog);
        if (content.length == 0) {
            return reader.refused(ImportProblem.ofFile("excel.empty"));
        }
        // the content decides, not the file name: a renamed PDF or text file is refused here
        FileMagic magic = FileMagic.valueOf(content);
        if (magic == FileMagic.OLE2) {
            return reader.refused(ImportProblem.ofFile("excel.oldFormat"));
        }
        if (magic != FileMagic.OOXML) {
            return reader.refused(ImportProblem.ofFile("excel.notXlsx"));
        }
        Optional<XSSFWorkbook> opened = open(content);
        if (opened.isEmpty()) {
            return reader.refused(ImportProblem.ofFile("excel.notXlsx"));
        }
        try (XSSFWorkbook workbook = opened.get()) {
            List<Value> values = reader.values(workbook, countyCode, year);
            Map<String, String> narrative = reader.narrative(workbook);
            List<Figure> figures = reader.customFigures(workbook);
            var stamp = workbook.getProperties().getCustomProperties()
                    .getProperty(ReportWorkbookLayout.DOWNLOAD_STAMP_PROPERTY);
            return new Content(values, narrative, List.copyOf(reader.problems),
                    stamp == null ? null : stamp.getLpwstr(), figures);
        } catch (IOException e) {
            // closing a workbook read from memory
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workbook, or empty when POI cannot read it: a zip that is not a workbook, a damaged or
     * strict-OOXML file. POI reports these with a variety of unchecked exceptions.
     */
    private static Optional<XSSFWorkbook> open(byte[] content) {
        try {
            return Optional.of(new XSSFWorkbook(new ByteArrayInputStream(content)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Content refused(ImportProblem problem) {
        return new Content(List.of(), Map.of(), List.of(problem), null, null);
    }

    private List<Value> values(XSSFWorkbook workbook, String countyCode, int year) {
        Sheet sheet = workbook.getSheet(VALUES_SHEET);
        if (sheet == null) {
            problems.add(ImportProblem.ofFile("excel.missingSheet", VALUES_SHEET));
            return List.of();
        }
        String code = text(sheet, cell(sheet, COUNTY_CODE_ROW, HEADER_VALUE_COLUMN));
        if (code != null && !code.strip().equals(countyCode)) {
            problems.add(ImportProblem.at(VALUES_SHEET, COUNTY_CODE_ROW, HEADER_VALUE_COLUMN, "excel.otherCounty",
                    shown(code), countyCode));
        }
        String fileYear = text(sheet, cell(sheet, YEAR_ROW, HEADER_VALUE_COLUMN));
        if (fileYear != null && !fileYear.strip().equals(Integer.toString(year))) {
            problems.add(ImportProblem.at(VALUES_SHEET, YEAR_ROW, HEADER_VALUE_COLUMN, "excel.otherYear",
                    shown(fileYear), Integer.toString(year)));
        }
        if (!hasLabels(sheet, TABLE_HEADER_ROW, COLUMNS)) {
            // the columns are not where the form has them: reading on would misplace every value
            return List.of();
        }

        List<Value> values = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > TABLE_HEADER_ROW) {
                value(sheet, row, firstRow).ifPresent(values::add);
            }
        }
        return values;
    }

    /** One row of the table, when it is well-formed; its problems otherwise. */
    private Optional<Value> value(Sheet sheet, Row row, Map<String, Integer> firstRow) {
        int problemsBefore = problems.size();
        String code = text(sheet, row.getCell(CODE));
        String value = valueText(sheet, row.getCell(VALUE));
        String explanation = text(sheet, row.getCell(EXPLANATION));
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        if (code.isBlank()) {
            if (!value.isBlank() || !explanation.isBlank()) {
                problem(row, CODE, "excel.codeMissing");
            }
            return Optional.empty();
        }
        code = code.strip();
        Optional<IndicatorDef> indicator = catalog.indicator(code);
        if (indicator.isEmpty()) {
            problem(row, CODE, "excel.unknownCode", code);
            return Optional.empty();
        }
        Integer first = firstRow.putIfAbsent(code, row.getRowNum() + 1);
        if (first != null) {
            problem(row, CODE, "excel.duplicateCode", code, first);
            return Optional.empty();
        }
        ValueInput.Parsed parsed = ValueInput.parse(indicator.get().kind(), value);
        if (!parsed.isValid()) {
            problem(row, VALUE, parsed.error());
        }
        if (explanation.length() > ReportEntryService.MAX_EXPLANATION) {
            problem(row, EXPLANATION, "explanation.tooLong");
        }
        return problems.size() > problemsBefore ? Optional.empty()
                : Optional.of(new Value(indicator.get(), parsed.value(), explanation));
    }

    private Map<String, String> narrative(XSSFWorkbook workbook) {
        Sheet sheet = workbook.getSheet(NARRATIVE_SHEET);
        if (sheet == null) {
            problems.add(ImportProblem.ofFile("excel.missingSheet", NARRATIVE_SHEET));
            return Map.of();
        }
        if (!hasLabels(sheet, NARRATIVE_HEADER_ROW, NARRATIVE_COLUMNS)) {
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        NARRATIVE_LABELS.forEach((field, label) -> {
            int rowIndex = narrativeRow(field);
            String found = text(sheet, cell(sheet, rowIndex, PART_COLUMN));
            if (found != null && !found.strip().equals(label)) {
                problems.add(ImportProblem.at(NARRATIVE_SHEET, rowIndex, PART_COLUMN, "excel.badLayout", label));
                return;
            }
            String text = text(sheet, cell(sheet, rowIndex, TEXT_COLUMN));
            if (text != null && text.length() > ReportEntryService.MAX_NARRATIVE) {
                problems.add(ImportProblem.at(NARRATIVE_SHEET, rowIndex, TEXT_COLUMN, "excel.narrativeTooLong",
                        ReportEntryService.MAX_NARRATIVE));
            } else if (text != null) {
                texts.put(field, ReportEntryService.narrativeText(text));
            }
        });
        return texts;
    }

    /** The third sheet's figures; null when there is no such sheet. */
    private List<Figure> customFigures(XSSFWorkbook workbook) {
        Sheet sheet = workbook.getSheet(ReportWorkbookLayout.CUSTOM_SHEET);
        if (sheet == null) {
            return null;
        }
        if (!hasLabels(sheet, ReportWorkbookLayout.CUSTOM_HEADER_ROW, ReportWorkbookLayout.CUSTOM_COLUMNS)) {
            return List.of();
        }
        Map<String, String> sections = new HashMap<>();
        catalog.sections().forEach(s -> {
            sections.put(s.nameZh(), s.code());
            sections.put(s.code(), s.code());
        });
        List<Figure> figures = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() <= ReportWorkbookLayout.CUSTOM_HEADER_ROW) {
                continue;
            }
            int problemsBefore = problems.size();
            String section = text(sheet, row.getCell(ReportWorkbookLayout.CUSTOM_SECTION));
            String name = text(sheet, row.getCell(ReportWorkbookLayout.CUSTOM_NAME));
            String unit = text(sheet, row.getCell(ReportWorkbookLayout.CUSTOM_UNIT));
            String value = valueText(sheet, row.getCell(ReportWorkbookLayout.CUSTOM_VALUE));
            String note = text(sheet, row.getCell(ReportWorkbookLayout.CUSTOM_NOTE));
            if (problems.size() > problemsBefore
                    || CustomFigureInput.isBlank(section, name, unit, value) && note.isBlank()) {
                continue;
            }
            String sectionCode = sections.get(section.strip());
            if (sectionCode == null) {
                problem(row, ReportWorkbookLayout.CUSTOM_SECTION, section.isBlank() ? "excel.sectionMissing"
                        : "excel.unknownSection", section.strip());
            }
            CustomFigureInput.Parsed parsed = CustomFigureInput.parse(name, unit, value, note);
            parsed.errors().forEach((part, error) -> problem(row, CUSTOM_PART_COLUMNS.get(part), error));
            if (sectionCode == null || !parsed.isValid()) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(sectionCode + "/" + parsed.content().name(), row.getRowNum() + 1);
            if (first != null) {
                problem(row, ReportWorkbookLayout.CUSTOM_NAME, "excel.duplicateFigure", parsed.content().name(), first);
                continue;
            }
            figures.add(new Figure(sectionCode, parsed.content()));
        }
        return figures;
    }

    private static final Map<String, Integer> CUSTOM_PART_COLUMNS = Map.of(
            CustomFigureInput.NAME, ReportWorkbookLayout.CUSTOM_NAME,
            CustomFigureInput.UNIT, ReportWorkbookLayout.CUSTOM_UNIT,
            CustomFigureInput.VALUE, ReportWorkbookLayout.CUSTOM_VALUE,
            CustomFigureInput.NOTE, ReportWorkbookLayout.CUSTOM_NOTE);

    /** Whether a header row has the form's labels; a problem for the first one that is not. */
    private boolean hasLabels(Sheet sheet, int rowIndex, List<String> labels) {
        for (int column = 0; column < labels.size(); column++) {
            String found = text(sheet, cell(sheet, rowIndex, column));
            if (found == null) {
                return false;
            }
            if (!found.strip().equals(labels.get(column))) {
                problems.add(ImportProblem.at(sheet.getSheetName(), rowIndex, column, "excel.badLayout",
                        labels.get(column)));
                return false;
            }
        }
        return true;
    }

    /**
     * A cell's content as text, "" for a blank or missing cell. A formula is refused (its result
     * is whatever the program that saved the file last computed, if anything): null, with a problem.
     */
    private String text(Sheet sheet, Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> plain(BigDecimal.valueOf(cell.getNumericCellValue()));
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> {
                problems.add(ImportProblem.at(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(),
                        "excel.formula"));
                yield null;
            }
            default -> "";
        };
    }

    /**
     * A value cell as the clerk would have typed it, for {@link ValueInput} to read. A number is
     * written out in full (no "1.2E7", no "12.0"); a cell Excel shows as a percentage holds a
     * fraction (70 % is 0.7), which is given back in percent.
     */
    private String valueText(Sheet sheet, Cell cell) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC) {
            BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue());
            String format = cell.getCellStyle().getDataFormatString();
            return plain(format != null && format.contains("%") ? number.movePointRight(2) : number);
        }
        if (cell != null && cell.getCellType() == CellType.ERROR) {
            // #DIV/0! and the like: something, but not a number
            return "#";
        }
        return text(sheet, cell);
    }

    private static Cell cell(Sheet sheet, int rowIndex, int column) {
        Row row = sheet.getRow(rowIndex);
        return row == null ? null : row.getCell(column);
    }

    private void problem(Row row, int column, String messageKey, Object... args) {
        problems.add(ImportProblem.at(row.getSheet().getSheetName(), row.getRowNum(), column, messageKey, args));
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String shown(String found) {
        return found.isBlank() ? "—" : found.strip();
    }
}
