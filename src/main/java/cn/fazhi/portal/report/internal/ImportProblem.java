package cn.fazhi.portal.report.internal;

import java.util.List;
import org.apache.poi.ss.util.CellReference;

/**
 * One thing wrong with an uploaded workbook, placed where Excel shows it, so that the clerk can go
 * straight to the cell.
 *
 * @param sheet the sheet's name, or null for the file as a whole
 * @param row the row as Excel numbers it (from 1), or 0 for the sheet or file as a whole
 * @param column the column letter, or null
 * @param messageKey what is wrong, a message key taking {@code args}
 */
public record ImportProblem(String sheet, int row, String column, String messageKey, List<Object> args) {

    public ImportProblem {
        args = List.copyOf(args);
    }

    public static ImportProblem ofFile(String messageKey, Object... args) {
        return new ImportProblem(null, 0, null, messageKey, List.of(args));
    }

    public static ImportProblem ofSheet(String sheet, String messageKey, Object... args) {
        return new ImportProblem(sheet, 0, null, messageKey, List.of(args));
    }

    /** A problem in a cell, from POI's 0-based row and column indexes. */
    public static ImportProblem at(String sheet, int rowIndex, int columnIndex, String messageKey, Object... args) {
        return new ImportProblem(
                sheet, rowIndex + 1, CellReference.convertNumToColString(columnIndex), messageKey, List.of(args));
    }

    public boolean isInCell() {
        return row > 0;
    }
}
