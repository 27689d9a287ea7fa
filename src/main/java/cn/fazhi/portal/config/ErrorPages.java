package cn.fazhi.portal.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends a request to the error page of a status, with an optional message key the page shows in
 * place of its general text (the error templates read the request attribute {@value #MESSAGE}).
 * Every page that answers with an error page goes through here: the request guard and the
 * database refusals (web), the outage and busy answers (config).
 */
public final class ErrorPages {

    public static final String MESSAGE = "errorMessage";

    private ErrorPages() {}

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String messageKey)
            throws IOException {
        if (messageKey != null) {
            request.setAttribute(MESSAGE, messageKey);
        }
        if (response.isCommitted()) {
            return; // part of a download went out already: nothing better can be sent
        }
        response.resetBuffer();
        response.sendError(status);
    }
}
