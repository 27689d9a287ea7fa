package cn.fazhi.portal.inspection.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Dates as the forms type them (yyyy-MM-dd), read strictly: 2026-02-30 is not a date. */
public final class Dates {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {}

    /** The date typed in a field, null when blank; a date that does not exist is that field's error. */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), ISO);
        } catch (DateTimeException e) {
            throw new InspectionInputException(field, "inspection.dateInvalid");
        }
    }

    public static String format(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
