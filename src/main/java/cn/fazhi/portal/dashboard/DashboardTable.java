package cn.fazhi.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A dashboard table exactly as the page shows it and as its CSV and XLSX exports hold it: the
 * same headers, rows and cell texts. Numbers keep their value for the XLSX file.
 *
 * @param name the table's name in the export's file name and its {@code table} parameter
 */
record DashboardTable(String name, String caption, List<String> headers, List<Row> rows) {

    DashboardTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** @param total a sum or average line (shown in bold) */
    record Row(List<Cell> cells, boolean total) {

        Row {
            cells = List.copyOf(cells);
        }

        static Row of(Cell... cells) {
            return new Row(List.of(cells), false);
        }
    }

    /**
     * @param number the value of a numeric cell, already rounded as shown, null for text
     * @param pattern the Excel number format of a numeric cell ("0", "0.0", "0.00" or "General")
     * @param href where the cell links to, or null
     * @param style an inline background colour (the heat map), or null
     * @param end aligned right like a number: numbers, and the gaps ("—") and ranges in number columns
     */
    record Cell(String text, BigDecimal number, String pattern, String href, String style, boolean end) {

        static Cell text(String text) {
            return new Cell(text == null ? "" : text, null, null, null, null, false);
        }

        /** A text that stands where a number would (a gap, a range): aligned with the numbers. */
        static Cell numeric(String text) {
            return new Cell(text == null ? "" : text, null, null, null, null, true);
        }

        static Cell link(String text, String href) {
            return new Cell(text, null, null, href, null, false);
        }

        static Cell integer(long value) {
            return new Cell(Long.toString(value), BigDecimal.valueOf(value), "0", null, null, true);
        }

        /** A number with a fixed number of decimals (0, 1 or 2). */
        static Cell number(BigDecimal value, int decimals) {
            BigDecimal shown = value.setScale(decimals, RoundingMode.HALF_UP);
            return new Cell(
                    shown.toPlainString(), shown, decimals == 0 ? "0" : "0." + "0".repeat(decimals), null, null, true);
        }

        /** A number with up to two decimals, as plain as possible (amounts). */
        static Cell plain(BigDecimal value) {
            BigDecimal shown = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            if (shown.scale() < 0) {
                shown = shown.setScale(0);
            }
            return new Cell(shown.toPlainString(), shown, "General", null, null, true);
        }

        Cell styled(String style) {
            return new Cell(text, number, pattern, href, style, end);
        }

        Cell linked(String href) {
            return new Cell(text, number, pattern, href, style, end);
        }
    }
}
