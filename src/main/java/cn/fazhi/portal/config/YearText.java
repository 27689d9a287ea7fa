package cn.fazhi.portal.config;

/**
 * A year as a page sends it (年度): four digits, within the years a form takes. The forms' records
 * and the controllers read it with this, so that the services get a number and parse nothing.
 */
public final class YearText {

    private YearText() {}

    /** The year the text names, from {@code first} to {@code last}; null when it names none. */
    public static Integer parse(String text, int first, int last) {
        String typed = text == null ? "" : text.strip();
        if (!typed.matches("[0-9]{4}")) {
            return null;
        }
        int year = Integer.parseInt(typed);
        return year >= first && year <= last ? year : null;
    }
}
