package cn.fazhi.portal.config;

import java.util.Objects;

/**
 * Markup written by a Thymeleaf template and kept for later (a dashboard table's body, the report
 * form's rows), every text and attribute already escaped by the template. Only {@link
 * RenderedFragments} can make one, and {@link RenderedHtmlDialect}'s {@code portal:body} inserts
 * nothing else, so no text from a user can reach a page unescaped through it.
 */
public final class RenderedHtml {

    private final String markup;

    RenderedHtml(String markup) {
        this.markup = Objects.requireNonNull(markup);
    }

    public String markup() {
        return markup;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedHtml that && markup.equals(that.markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }

    @Override
    public String toString() {
        return markup;
    }
}
