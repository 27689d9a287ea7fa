package cn.fazhi.portal.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.IntFunction;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One worksheet of an uploaded Excel form (上传的工作表), read as a stream of XML (POI's event
 * model, never the whole workbook in memory) into the few cells the form has. Reading stops at the
 * first cell beyond the limits, so that a sheet of a million rows costs no more than one of two
 * thousand.
 */
final class WorkbookSheet {

    /** What a cell holds, as far as the import cares. */
    enum Kind {
        STRING,
        NUMERIC,
        BOOLEAN,
        FORMULA,
        ERROR
    }

    /**
     * A cell with content; a blank cell is not kept.
     *
     * @param text the text of a string, the raw value of anything else
     * @param percent for a number: whether its format shows it as a percentage
     */
    record Cell(int row, int column, Kind kind, String text, boolean percent) {}

    /**
     * The most characters in a cell: Excel's own limit, so that a text that long was not written
     * by Excel, and no text the import keeps or repeats in a message is larger.
     */
    static final int MAX_TEXT = 32_767;

    /** Why reading stopped: the sheet goes beyond the form's rows or columns, or a cell beyond Excel's text limit. */
    record Overflow(int row, int column, Reason reason) {

        enum Reason {
            ROWS,
            COLUMNS,
            TEXT
        }
    }

    private final String name;
    private final NavigableMap<Integer, Map<Integer, Cell>> rows = new TreeMap<>();
    private Overflow overflow;

    private WorkbookSheet(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The cell at POI's 0-based indexes, or null when blank. */
    Cell cell(int row, int column) {
        Map<Integer, Cell> cells = rows.get(row);
        return cells == null ? null : cells.get(column);
    }

    /** The 0-based indexes of the rows with a cell, in order. */
    Iterable<Integer> rowIndexes() {
        return rows.keySet();
    }

    /** Non-null when the sheet has a cell beyond the limits; its cells are then incomplete. */
    Overflow overflow() {
        return overflow;
    }

    /**
     * Reads a worksheet part.
     *
     * @param maxRows and {@code maxColumns}: a cell with content beyond these stops the reading
     */
    static WorkbookSheet read(
            String name, InputStream xml, IntFunction<String> strings, StylesTable styles, int maxRows, int maxColumns)
            throws IOException, SAXException {
        WorkbookSheet sheet = new WorkbookSheet(name);
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(sheet.new Handler(strings, styles, maxRows, maxColumns));
            parser.parse(new InputSource(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException e) {
            if (sheet.overflow == null) {
                throw e;
            }
            // stopped at the overflow, which is recorded: nothing after it is read
        }
        return sheet;
    }

    /** Thrown to end the parse early, without a stack trace. */
    private static final class Stop extends SAXException {

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The worksheet's XML (SpreadsheetML {@code <row>/<c>/<v>}) into cells. */
    private final class Handler extends DefaultHandler {

        private final IntFunction<String> strings;
        private final StylesTable styles;
        private final int maxRows;
        private final int maxColumns;
        private final Map<Integer, Boolean> percentStyles = new HashMap<>();
        private final StringBuilder value = new StringBuilder();
        private int row = -1;
        private int column = -1;
        private String type;
        private String style;
        private boolean formula;
        private boolean collecting;
        private boolean inline;
        private boolean phonetic;

        Handler(IntFunction<String> strings, StylesTable styles, int maxRows, int maxColumns) {
            this.strings = strings;
            this.styles = styles;
            this.maxRows = maxRows;
            this.maxColumns = maxColumns;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : parseIndex(r);
                    column = -1;
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    if (reference == null) {
                        column++;
                    } else {
                        CellReference cell = new CellReference(reference);
                        column = cell.getCol();
                        if (cell.getRow() >= 0) {
                            row = cell.getRow();
                        }
                    }
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    formula = false;
                    inline = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> collecting = true;
                case "is" -> inline = true;
                case "rPh" -> phonetic = true;
                case "t" -> collecting = inline && !phonetic;
                default -> {
                    // sheet properties, formats, merged cells, protection: nothing the import reads
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "rPh" -> phonetic = false;
                case "c" -> cellEnded();
                default -> {}
            }
        }

        private void cellEnded() throws SAXException {
            Cell cell = cell();
            if (cell == null) {
                return;
            }
            if (row >= maxRows || row < 0) {
                overflow = new Overflow(row, column, Overflow.Reason.ROWS);
            } else if (column >= maxColumns || column < 0) {
                overflow = new Overflow(row, column, Overflow.Reason.COLUMNS);
            } else if (cell.text().length() > MAX_TEXT) {
                overflow = new Overflow(row, column, Overflow.Reason.TEXT);
            }
            if (overflow != null) {
                throw new Stop();
            }
            rows.computeIfAbsent(row, r -> new HashMap<>()).put(column, cell);
        }

        /** The cell just read, as XSSF would see it; null when blank. */
        private Cell cell() {
            String raw = value.toString();
            if (formula) {
                return new Cell(row, column, Kind.FORMULA, raw, false);
            }
            String t = type == null ? "n" : type;
            return switch (t) {
                case "s" -> sharedString(raw);
                case "inlineStr", "str", "d" -> new Cell(row, column, Kind.STRING, raw, false);
                case "b" -> new Cell(row, column, Kind.BOOLEAN, Boolean.toString("1".equals(raw.strip())), false);
                case "e" -> new Cell(row, column, Kind.ERROR, raw, false);
                default -> raw.isBlank() ? null : number(raw);
            };
        }

        private Cell sharedString(String raw) {
            if (raw.isBlank()) {
                return null;
            }
            try {
                return new Cell(row, column, Kind.STRING, strings.apply(Integer.parseInt(raw.strip())), false);
            } catch (RuntimeException e) {
                // an index that is no shared string: something, but nothing readable
                return new Cell(row, column, Kind.ERROR, raw, false);
            }
        }

        private Cell number(String raw) {
            try {
                if (!Double.isFinite(Double.parseDouble(raw))) {
                    return new Cell(row, column, Kind.ERROR, raw, false);
                }
            } catch (NumberFormatException e) {
                return new Cell(row, column, Kind.ERROR, raw, false);
            }
            return new Cell(row, column, Kind.NUMERIC, raw.strip(), isPercent());
        }

        private boolean isPercent() {
            if (styles == null) {
                return false;
            }
            try {
                // a cell without a style has the workbook's first, as in Excel
                int index = style == null ? 0 : Integer.parseInt(style);
                return percentStyles.computeIfAbsent(index, i -> {
                    String format = styles.getStyleAt(i).getDataFormatString();
                    return format != null && format.contains("%");
                });
            } catch (RuntimeException e) {
                return false;
            }
        }

        private int parseIndex(String oneBased) {
            try {
                return Integer.parseInt(oneBased.strip()) - 1;
            } catch (NumberFormatException e) {
                return row + 1;
            }
        }
    }
}
