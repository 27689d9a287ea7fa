package cn.fazhi.portal.inspection.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the findings list; each may be null (or false): all.
 *
 * @param overdue only findings past their deadline and not accepted
 */
public record FindingQuery(
        FindingStatus status, FindingSeverity severity, String prefecture, String county, Boolean overdue) {

    public static final FindingQuery ALL = new FindingQuery(null, null, null, null, false);

    public FindingQuery {
        overdue = Boolean.TRUE.equals(overdue);
        prefecture = blankToNull(prefecture);
        county = blankToNull(county);
    }

    /** The filters as parts of a file name: findings-530400-overdue-SEVERE. */
    public String fileNameParts() {
        List<String> parts = new ArrayList<>(List.of("findings"));
        if (prefecture != null) {
            parts.add(prefecture);
        }
        if (county != null) {
            parts.add(county);
        }
        if (status != null) {
            parts.add(status.name());
        }
        if (severity != null) {
            parts.add(severity.name());
        }
        if (overdue) {
            parts.add("OVERDUE");
        }
        return String.join("-", parts).replaceAll("[^A-Za-z0-9_-]", "");
    }

    /** The filters as a query string ("?status=OPEN&overdue=true", or empty), for the download links. */
    public String queryString() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        if (status != null) {
            uri.queryParam("status", status);
        }
        if (severity != null) {
            uri.queryParam("severity", severity);
        }
        if (prefecture != null) {
            uri.queryParam("prefecture", prefecture);
        }
        if (county != null) {
            uri.queryParam("county", county);
        }
        if (overdue) {
            uri.queryParam("overdue", true);
        }
        return uri.encode().build().toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
