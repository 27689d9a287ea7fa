package cn.fazhi.portal.config;

/**
 * HTML escaping for the parts of pages written in Java rather than by Thymeleaf (the dashboards'
 * tables and pickers, the report form's rows): the same entities as {@code th:text} writes.
 */
public final class Html {

    private Html() {
    }

    /**
     * Text or an attribute value, HTML-escaped: {@code & < > " '} as entities, everything else as
     * it is (the page is UTF-8). Spring's {@code HtmlUtils.htmlEscape} looks every character up in
     * its entity table: that was a third of a province's heat map (2,000 cells with their colours).
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
                for (int j = i; j < text.length(); j++) {
                    char d = text.charAt(j);
                    switch (d) {
                        case '&' -> escaped.append("&amp;");
                        case '<' -> escaped.append("&lt;");
                        case '>' -> escaped.append("&gt;");
                        case '"' -> escaped.append("&quot;");
                        case '\'' -> escaped.append("&#39;");
                        default -> escaped.append(d);
                    }
                }
                return escaped.toString();
            }
        }
        return text;
    }
}
