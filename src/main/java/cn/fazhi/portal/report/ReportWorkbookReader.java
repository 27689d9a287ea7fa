package cn.fazhi.portal.report;

import static cn.fazhi.portal.report.ReportWorkbookLayout.CODE;
import static cn.fazhi.portal.report.ReportWorkbookLayout.COLUMNS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.COUNTY_CODE_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.CUSTOM_SHEET;
import static cn.fazhi.portal.report.ReportWorkbookLayout.EXPLANATION;
import static cn.fazhi.portal.report.ReportWorkbookLayout.HEADER_VALUE_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_COLUMNS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_HEADER_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_LABELS;
import static cn.fazhi.portal.report.ReportWorkbookLayout.NARRATIVE_SHEET;
import static cn.fazhi.portal.report.ReportWorkbookLayout.PART_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.STAMP_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.STAMP_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.TABLE_HEADER_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.TEXT_COLUMN;
import static cn.fazhi.portal.report.ReportWorkbookLayout.VALUE;
import static cn.fazhi.portal.report.ReportWorkbookLayout.VALUES_SHEET;
import static cn.fazhi.portal.report.ReportWorkbookLayout.YEAR_ROW;
import static cn.fazhi.portal.report.ReportWorkbookLayout.narrativeRow;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.report.internal.CustomFigure;
import cn.fazhi.portal.report.internal.CustomFigureInput;
import cn.fazhi.portal.report.internal.ImportProblem;
import cn.fazhi.portal.report.internal.ValueInput;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded Excel form of a report (年度报告 Excel 填报表) and checks all of it: the header
 * must name this report's county and year, every code must be one of the year's catalogue and
 * appear once, every value must be a number of its indicator's kind (as the form reads typed
 * values), texts must fit. Every problem is listed by sheet, row and column; the caller writes
 * nothing unless there is none.
 *
 * <p>A row that is not in the file leaves the stored value as it is, as a field the form does not
 * send does; a row whose value cell is blank clears the value, as a blank field does.
 *
 * <p>The file is read as a stream, within {@link Limits} (a little above what the form can hold):
 * first the zip's parts and their unpacked sizes ({@link WorkbookZip}), then the workbook's list of
 * sheets (only the form's three), then each sheet row by row up to its row and column limits. A
 * file beyond any of them is refused with a message before the next step reads anything; no upload
 * costs more memory than the largest form.
 */
final class ReportWorkbookReader {

    /**
     * POI's own cap on a part once unzipped, for the whole JVM: a second line behind {@link Limits},
     * and the cap for any other POI reading in the portal.
     */
    static final long MAX_UNZIPPED_PART = 20L * 1024 * 1024;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_UNZIPPED_PART);
    }

    /**
     * How much of a file the import reads at most. A downloaded form has about 15 parts, 3 sheets,
     * some 120 rows of 8 columns and unpacks to well under 1 MB.
     *
     * @param zip the container's limits
     * @param rows rows per sheet (the custom figures' sheet has room for many more than any county has)
     * @param columns columns per sheet
     */
    record Limits(WorkbookZip.Limits zip, int rows, int columns) {

        static final Limits FORM = new Limits(
                new WorkbookZip.Limits(20L * 1024 * 1024, 8L * 1024 * 1024, 1024 * 1024, 64 * 1024, 64), 2_000, 20);
    }

    /** The form's sheets; any other is refused. */
    static final Set<String> SHEETS = Set.of(VALUES_SHEET, NARRATIVE_SHEET, CUSTOM_SHEET);

    /**
     * What the file says, to be applied only when {@code problems} is empty.
     *
     * @param stampProperty the custom property with the county/year/version of the report the file
     *     was downloaded from, or null
     * @param stampCell the same, from the hidden cell of the values sheet; null when blank
     * @param customFigures the third sheet's figures; null when the workbook has no such sheet
     *     (one downloaded before custom figures existed), which leaves the report's as they are
     */
    record Content(
            List<Value> values,
            Map<String, String> narrative,
            List<ImportProblem> problems,
            String stampProperty,
            String stampCell,
            List<Figure> customFigures) {

        boolean isValid() {
            return problems.isEmpty();
        }
    }

    /** One row of the third sheet: a custom figure in a section. */
    record Figure(String sectionCode, CustomFigure.Content content) {}

    /** One indicator's row: the value (null for a blank cell) and the explanation as typed. */
    record Value(IndicatorDef indicator, BigDecimal value, String explanation) {}

    private static final String CUSTOM_PROPERTIES =
            "application/vnd.openxmlformats-officedocument.custom-properties+xml";

    private final Catalog catalog;
    private final List<ImportProblem> problems = new ArrayList<>();

    private ReportWorkbookReader(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param file the upload, kept in a file: the zip is read from it part by part, never whole
     * @param countyCode and {@code year}: the report the file must be of
     */
    static Content read(Path file, Catalog catalog, String countyCode, int year) {
        return read(file, catalog, countyCode, year, Limits.FORM);
    }

    static Content read(Path file, Catalog catalog, String countyCode, int year, Limits limits) {
        ReportWorkbookReader reader = new ReportWorkbookReader(catalog);
        try {
            if (file.toFile().length() == 0) {
                return reader.refused(ImportProblem.ofFile("excel.empty"));
            }
            // the content decides, not the file name: a renamed PDF or text file is refused here
            FileMagic magic = FileMagic.valueOf(file.toFile());
            if (magic == FileMagic.OLE2) {
                return reader.refused(ImportProblem.ofFile("excel.oldFormat"));
            }
            if (magic != FileMagic.OOXML) {
                return reader.refused(ImportProblem.ofFile("excel.notXlsx"));
            }
            Optional<ImportProblem> tooLarge = WorkbookZip.check(file, limits.zip());
            if (tooLarge.isPresent()) {
                return reader.refused(tooLarge.get());
            }
        } catch (IOException | RuntimeException e) {
            // not a zip, or a damaged one
            return reader.refused(ImportProblem.ofFile("excel.notXlsx"));
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            // a zip that is no workbook package
            return reader.refused(ImportProblem.ofFile("excel.notXlsx"));
        }
        try {
            return reader.read(pkg, countyCode, year, limits);
        } catch (IOException | SAXException | OpenXML4JException | RuntimeException e) {
            // a package whose parts POI cannot read: damaged, strict OOXML, or not made by a spreadsheet program
            return reader.refused(ImportProblem.ofFile("excel.notXlsx"));
        } finally {
            // opened for reading: nothing to save
            pkg.revert();
        }
    }

    private Content read(OPCPackage pkg, String countyCode, int year, Limits limits)
            throws IOException, SAXException, OpenXML4JException {
        XSSFReader workbook = new XSSFReader(pkg);
        // the list of sheets before any sheet is opened: a sheet the form does not have is not read
        Map<String, String> sheets = sheetParts(workbook);
        List<ImportProblem> foreign = sheets.keySet().stream()
                .filter(name -> !SHEETS.contains(name))
                .map(name -> ImportProblem.ofSheet(
                        name.length() > 40 ? name.substring(0, 40) + "…" : name, "excel.foreignSheet"))
                .toList();
        if (!foreign.isEmpty()) {
            return new Content(List.of(), Map.of(), foreign, null, null, null);
        }
        ReadOnlySharedStringsTable table = new ReadOnlySharedStringsTable(pkg, false);
        // each shared string read once: POI gives a new copy on every call, and one long string in
        // thousands of cells would be thousands of copies
        Map<Integer, String> texts = new HashMap<>();
        IntFunction<String> strings =
                index -> texts.computeIfAbsent(index, i -> table.getItemAt(i).getString());
        StylesTable styles = workbook.getStylesTable();

        WorkbookSheet values = sheet(workbook, sheets, VALUES_SHEET, strings, styles, limits);
        WorkbookSheet narrative = sheet(workbook, sheets, NARRATIVE_SHEET, strings, styles, limits);
        WorkbookSheet custom = sheet(workbook, sheets, CUSTOM_SHEET, strings, styles, limits);
        List<ImportProblem> overflows = new ArrayList<>();
        for (WorkbookSheet sheet : new WorkbookSheet[] {values, narrative, custom}) {
            if (sheet != null && sheet.overflow() != null) {
                WorkbookSheet.Overflow overflow = sheet.overflow();
                overflows.add(
                        switch (overflow.reason()) {
                            case ROWS -> ImportProblem.ofSheet(sheet.name(), "excel.tooManyRows", limits.rows());
                            case COLUMNS ->
                                ImportProblem.at(
                                        sheet.name(),
                                        overflow.row(),
                                        overflow.column(),
                                        "excel.tooManyColumns",
                                        limits.columns());
                            case TEXT ->
                                ImportProblem.at(
                                        sheet.name(),
                                        overflow.row(),
                                        overflow.column(),
                                        "excel.textTooLong",
                                        WorkbookSheet.MAX_TEXT);
                        });
            }
        }
        if (!overflows.isEmpty()) {
            return new Content(List.of(), Map.of(), overflows, null, null, null);
        }

        List<Value> valueRows = values(values, countyCode, year);
        Map<String, String> narrativeTexts = narrative(narrative);
        List<Figure> figures = custom == null ? null : customFigures(custom);
        String stampCell = values == null ? null : text(values, values.cell(STAMP_ROW, STAMP_COLUMN));
        return new Content(
                valueRows,
                narrativeTexts,
                List.copyOf(problems),
                stampProperty(pkg),
                stampCell == null || stampCell.isBlank() ? null : stampCell.strip(),
                figures);
    }

    private Content refused(ImportProblem problem) {
        return new Content(List.of(), Map.of(), List.of(problem), null, null, null);
    }

    /** The sheets by name, in the workbook's order, with their relationship ids. */
    private static Map<String, String> sheetParts(XSSFReader workbook)
            throws IOException, SAXException, OpenXML4JException {
        Map<String, String> sheets = new LinkedHashMap<>();
        parse(workbook.getWorkbookData(), new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("sheet".equals(localName)) {
                    String id = null;
                    for (int i = 0; i < attributes.getLength(); i++) {
                        if ("id".equals(attributes.getLocalName(i))) {
                            id = attributes.getValue(i);
                        }
                    }
                    String name = attributes.getValue("name");
                    // a repeated name is no sheet of the form either
                    sheets.merge(name == null ? "" : name, id == null ? "" : id, (a, b) -> "");
                }
            }
        });
        return sheets;
    }

    /** A sheet of the form, read within the limits; null when the workbook does not have it. */
    private static WorkbookSheet sheet(
            XSSFReader workbook,
            Map<String, String> sheets,
            String name,
            IntFunction<String> strings,
            StylesTable styles,
            Limits limits)
            throws IOException, SAXException, OpenXML4JException {
        String id = sheets.get(name);
        if (id == null) {
            return null;
        }
        try (InputStream xml = workbook.getSheet(id)) {
            return WorkbookSheet.read(name, xml, strings, styles, limits.rows(), limits.columns());
        }
    }

    /** The download stamp kept in the custom document properties, or null. */
    private static String stampProperty(OPCPackage pkg) throws IOException, SAXException, OpenXML4JException {
        StringBuilder stamp = new StringBuilder();
        boolean[] found = {false};
        for (PackagePart part : pkg.getPartsByContentType(CUSTOM_PROPERTIES)) {
            try (InputStream xml = part.getInputStream()) {
                parse(xml, new DefaultHandler() {
                    private boolean inStamp;
                    private int depth;

                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes attributes) {
                        if ("property".equals(localName)) {
                            inStamp = ReportWorkbookLayout.DOWNLOAD_STAMP_PROPERTY.equals(attributes.getValue("name"));
                            found[0] |= inStamp;
                        } else if (inStamp) {
                            depth++;
                        }
                    }

                    @Override
                    public void endElement(String uri, String localName, String qName) {
                        if ("property".equals(localName)) {
                            inStamp = false;
                        } else if (inStamp) {
                            depth--;
                        }
                    }

                    @Override
                    public void characters(char[] ch, int start, int length) {
                        if (inStamp && depth > 0) {
                            stamp.append(ch, start, length);
                        }
                    }
                });
            }
        }
        return found[0] && !stamp.toString().isBlank() ? stamp.toString().strip() : null;
    }

    private static void parse(InputStream xml, DefaultHandler handler) throws IOException, SAXException {
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Value> values(WorkbookSheet sheet, String countyCode, int year) {
        if (sheet == null) {
            problems.add(ImportProblem.ofFile("excel.missingSheet", VALUES_SHEET));
            return List.of();
        }
        String code = text(sheet, sheet.cell(COUNTY_CODE_ROW, HEADER_VALUE_COLUMN));
        if (code != null && !code.strip().equals(countyCode)) {
            problems.add(ImportProblem.at(
                    VALUES_SHEET, COUNTY_CODE_ROW, HEADER_VALUE_COLUMN, "excel.otherCounty", shown(code), countyCode));
        }
        String fileYear = text(sheet, sheet.cell(YEAR_ROW, HEADER_VALUE_COLUMN));
        if (fileYear != null && !fileYear.strip().equals(Integer.toString(year))) {
            problems.add(ImportProblem.at(
                    VALUES_SHEET,
                    YEAR_ROW,
                    HEADER_VALUE_COLUMN,
                    "excel.otherYear",
                    shown(fileYear),
                    Integer.toString(year)));
        }
        if (!hasLabels(sheet, TABLE_HEADER_ROW, COLUMNS)) {
            // the columns are not where the form has them: reading on would misplace every value
            return List.of();
        }

        List<Value> values = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int row : sheet.rowIndexes()) {
            if (row > TABLE_HEADER_ROW) {
                value(sheet, row, firstRow).ifPresent(values::add);
            }
        }
        return values;
    }

    /** One row of the table, when it is well-formed; its problems otherwise. */
    private Optional<Value> value(WorkbookSheet sheet, int row, Map<String, Integer> firstRow) {
        int problemsBefore = problems.size();
        String code = text(sheet, sheet.cell(row, CODE));
        String value = valueText(sheet, sheet.cell(row, VALUE));
        String explanation = text(sheet, sheet.cell(row, EXPLANATION));
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        if (code.isBlank()) {
            if (!value.isBlank() || !explanation.isBlank()) {
                problem(sheet, row, CODE, "excel.codeMissing");
            }
            return Optional.empty();
        }
        code = code.strip();
        Optional<IndicatorDef> indicator = catalog.indicator(code);
        if (indicator.isEmpty()) {
            problem(sheet, row, CODE, "excel.unknownCode", shown(code));
            return Optional.empty();
        }
        Integer first = firstRow.putIfAbsent(code, row + 1);
        if (first != null) {
            problem(sheet, row, CODE, "excel.duplicateCode", code, first);
            return Optional.empty();
        }
        ValueInput.Parsed parsed = ValueInput.parse(indicator.get().kind(), value);
        if (!parsed.isValid()) {
            problem(sheet, row, VALUE, parsed.error());
        }
        if (explanation.length() > ReportEntryService.MAX_EXPLANATION) {
            problem(sheet, row, EXPLANATION, "explanation.tooLong");
        }
        return problems.size() > problemsBefore
                ? Optional.empty()
                : Optional.of(new Value(indicator.get(), parsed.value(), explanation));
    }

    private Map<String, String> narrative(WorkbookSheet sheet) {
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
            String found = text(sheet, sheet.cell(rowIndex, PART_COLUMN));
            if (found != null && !found.strip().equals(label)) {
                problems.add(ImportProblem.at(NARRATIVE_SHEET, rowIndex, PART_COLUMN, "excel.badLayout", label));
                return;
            }
            String text = text(sheet, sheet.cell(rowIndex, TEXT_COLUMN));
            if (text != null && text.length() > ReportEntryService.MAX_NARRATIVE) {
                problems.add(ImportProblem.at(
                        NARRATIVE_SHEET,
                        rowIndex,
                        TEXT_COLUMN,
                        "excel.narrativeTooLong",
                        ReportEntryService.MAX_NARRATIVE));
            } else if (text != null) {
                texts.put(field, ReportEntryService.narrativeText(text));
            }
        });
        return texts;
    }

    /** The third sheet's figures. */
    private List<Figure> customFigures(WorkbookSheet sheet) {
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
        for (int row : sheet.rowIndexes()) {
            if (row <= ReportWorkbookLayout.CUSTOM_HEADER_ROW) {
                continue;
            }
            int problemsBefore = problems.size();
            String section = text(sheet, sheet.cell(row, ReportWorkbookLayout.CUSTOM_SECTION));
            String name = text(sheet, sheet.cell(row, ReportWorkbookLayout.CUSTOM_NAME));
            String unit = text(sheet, sheet.cell(row, ReportWorkbookLayout.CUSTOM_UNIT));
            String value = valueText(sheet, sheet.cell(row, ReportWorkbookLayout.CUSTOM_VALUE));
            String note = text(sheet, sheet.cell(row, ReportWorkbookLayout.CUSTOM_NOTE));
            if (problems.size() > problemsBefore
                    || CustomFigureInput.isBlank(section, name, unit, value) && note.isBlank()) {
                continue;
            }
            String sectionCode = sections.get(section.strip());
            if (sectionCode == null) {
                problem(
                        sheet,
                        row,
                        ReportWorkbookLayout.CUSTOM_SECTION,
                        section.isBlank() ? "excel.sectionMissing" : "excel.unknownSection",
                        shown(section));
            }
            CustomFigureInput.Parsed parsed = CustomFigureInput.parse(name, unit, value, note);
            parsed.errors().forEach((part, error) -> problem(sheet, row, CUSTOM_PART_COLUMNS.get(part), error));
            if (sectionCode == null || !parsed.isValid()) {
                continue;
            }
            Integer first =
                    firstRow.putIfAbsent(sectionCode + "/" + parsed.content().name(), row + 1);
            if (first != null) {
                problem(
                        sheet,
                        row,
                        ReportWorkbookLayout.CUSTOM_NAME,
                        "excel.duplicateFigure",
                        parsed.content().name(),
                        first);
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
    private boolean hasLabels(WorkbookSheet sheet, int rowIndex, List<String> labels) {
        for (int column = 0; column < labels.size(); column++) {
            String found = text(sheet, sheet.cell(rowIndex, column));
            if (found == null) {
                return false;
            }
            if (!found.strip().equals(labels.get(column))) {
                problems.add(ImportProblem.at(sheet.name(), rowIndex, column, "excel.badLayout", labels.get(column)));
                return false;
            }
        }
        return true;
    }

    /**
     * A cell's content as text, "" for a blank or missing cell. A formula is refused (its result
     * is whatever the program that saved the file last computed, if anything): null, with a problem.
     */
    private String text(WorkbookSheet sheet, WorkbookSheet.Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.kind()) {
            case STRING, BOOLEAN -> cell.text();
            case NUMERIC -> plain(number(cell));
            case FORMULA -> {
                problems.add(ImportProblem.at(sheet.name(), cell.row(), cell.column(), "excel.formula"));
                yield null;
            }
            case ERROR -> "";
        };
    }

    /**
     * A value cell as the clerk would have typed it, for {@link ValueInput} to read. A number is
     * written out in full (no "1.2E7", no "12.0"); a cell Excel shows as a percentage holds a
     * fraction (70 % is 0.7), which is given back in percent.
     */
    private String valueText(WorkbookSheet sheet, WorkbookSheet.Cell cell) {
        if (cell != null && cell.kind() == WorkbookSheet.Kind.NUMERIC) {
            BigDecimal number = number(cell);
            return plain(cell.percent() ? number.movePointRight(2) : number);
        }
        if (cell != null && cell.kind() == WorkbookSheet.Kind.ERROR) {
            // #DIV/0! and the like: something, but not a number
            return "#";
        }
        return text(sheet, cell);
    }

    /** A number as Excel keeps it: a double, read back as POI's usermodel would. */
    private static BigDecimal number(WorkbookSheet.Cell cell) {
        return BigDecimal.valueOf(Double.parseDouble(cell.text()));
    }

    private void problem(WorkbookSheet sheet, int row, int column, String messageKey, Object... args) {
        problems.add(ImportProblem.at(sheet.name(), row, column, messageKey, args));
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** A cell's text repeated in a message: never more than a few words of it. */
    private static String shown(String found) {
        String text = found.strip();
        return text.isEmpty() ? "—" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
