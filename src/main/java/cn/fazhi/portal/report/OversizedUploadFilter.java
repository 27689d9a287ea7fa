package cn.fazhi.portal.report;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sends an Excel upload over the size limit (超限上传) back to the report form with a message.
 * Tomcat refuses such a body as soon as anything asks for a request parameter, and Spring
 * Security's CSRF check asks first of all: the browser would get a bare 413 before any controller
 * or exception handler of the application runs. So the body is parsed here, ahead of security, and
 * an oversized one is answered with a redirect to the form. Nothing is stored or shown here; the
 * form checks who is asking as always.
 */
@Component
// after the character encoding filter (the parts' texts are decoded here), before Spring Security (-100)
@Order(-200)
class OversizedUploadFilter extends OncePerRequestFilter {

    private static final Pattern IMPORT = Pattern.compile("/counties/(\\d{6})/reports/(\\d{4})/import");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                || !IMPORT.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            // the container keeps the parts: nothing is parsed twice
            request.getParts();
        } catch (IllegalStateException e) {
            // the servlet API's way of saying a part or the request is over its limit
            Matcher report = IMPORT.matcher(path(request));
            report.matches();
            String form = "/counties/" + report.group(1) + "/reports/" + report.group(2) + "/edit";
            FlashMap flash = new FlashMap();
            flash.put("flashError", "excel.tooLarge");
            flash.setTargetRequestPath(request.getContextPath() + form);
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + form);
            return;
        } catch (IOException | ServletException e) {
            // a broken body: whatever reads it next refuses it as it would anyway
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
