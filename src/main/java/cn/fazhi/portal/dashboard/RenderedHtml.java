package cn.fazhi.portal.dashboard;

/**
 * Markup written by a Thymeleaf template and kept for later: the body of a dashboard table as
 * {@link RenderedTables} rendered it (every text and attribute already escaped by the template).
 * Only this module can make one, and {@link RenderedHtmlDialect}'s {@code portal:body} inserts
 * nothing else, so no text from a user can reach a page unescaped through it.
 */
record RenderedHtml(String markup) {

    RenderedHtml {
        java.util.Objects.requireNonNull(markup);
    }
}
