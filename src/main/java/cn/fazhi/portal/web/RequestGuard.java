package cn.fazhi.portal.web;

import cn.fazhi.portal.config.ErrorPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Two requests no page ever sends, answered before they reach anything:
 * <ul>
 * <li>control characters (other than tab and line breaks) in a parameter's name or value, or in
 * the path: a form never holds them, PostgreSQL cannot store U+0000 at all, and the others only
 * break the exports and the audit log later. 400, whatever the page.</li>
 * <li>a body Tomcat cannot read as the parameters it says it holds: 400 (413 when too large).</li>
 * <li>a parameter name with a bracket left open ({@code values[CODE}): the forms name map entries
 * {@code values[CODE]}, and Spring's binding of a form record cannot read a key without its end. 400.</li>
 * <li>{@code /error} asked for directly: it is only the container's error page, and without an
 * error to show it answered status 999. 404.</li>
 * </ul>
 * Placed after the upload size filters (-200: a form's parts are read here, and an oversized file
 * must be sent back before that) and before Spring Security (-100), so that the login form is
 * guarded too.
 */
@Component
@Order(-150)
class RequestGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request); // decoded
        if ("/error".equals(path) || path.startsWith("/error/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // Tomcat could not read the body (a multipart without its boundary, cut short): every
            // later reading of a parameter throws again, the error page's included, so the answer
            // is written here (Tomcat says which: 413 for a body over its limits, otherwise 400)
            int status = unreadable instanceof InvalidParameterException tomcat
                            && tomcat.getErrorCode() >= 400
                            && tomcat.getErrorCode() < 500
                    ? tomcat.getErrorCode()
                    : HttpServletResponse.SC_BAD_REQUEST;
            response.setStatus(status);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write(status
                            + (status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                                    ? ": the request is too large.\n"
                                    : ": the request's body could not be read.\n"));
            return;
        }
        if (hasControlCharacter(path) || hasControlCharacter(parameters)) {
            ErrorPages.send(request, response, HttpServletResponse.SC_BAD_REQUEST, "error.400.characters");
            return;
        }
        if (hasOpenBracket(parameters)) {
            ErrorPages.send(request, response, HttpServletResponse.SC_BAD_REQUEST, null);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasControlCharacter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (hasControlCharacter(parameter.getKey())) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasOpenBracket(Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            int open = name.indexOf('[');
            if (open >= 0 && name.indexOf(']', open) < 0) {
                return true;
            }
        }
        return false;
    }

    /** C0 controls but tab, line feed and carriage return (which a text area sends), and DEL. */
    static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
