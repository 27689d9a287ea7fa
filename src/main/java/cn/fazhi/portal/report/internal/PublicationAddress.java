package cn.fazhi.portal.report.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address of a published report, checked for its form only: nothing ever fetches it. The same
 * rule as the database's check (migration V18): http or https, an authority (host) without a user
 * part, no white space, at most 500 characters. javascript:, data:, ftp: and the like are refused
 * by their scheme, so that a link the portal shows can only open a web page.
 */
public final class PublicationAddress {

    static final int MAX_LENGTH = 500;

    private PublicationAddress() {}

    /** The message key of the address's first problem, or null when it is good or blank. */
    public static String problemOf(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        if (url.length() > MAX_LENGTH) {
            return "publication.urlTooLong";
        }
        if (url.codePoints()
                .anyMatch(c -> Character.isWhitespace(c)
                        || Character.isISOControl(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT)) {
            return "publication.urlSpace";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "publication.urlForm";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "publication.urlScheme";
        }
        String authority = uri.getRawAuthority();
        if (uri.isOpaque()
                || authority == null
                || authority.isEmpty()
                || authority.contains("@")
                || !url.substring(scheme.length()).startsWith("://")) {
            return "publication.urlHost";
        }
        return null;
    }
}
