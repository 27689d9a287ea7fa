package cn.fazhi.portal.inspection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An evidence file over the container's size limit would be answered with a bare 413 before any
 * part of the portal runs (Spring Security's CSRF check reads the body first). Parsed here, ahead
 * of security, such an upload goes back to its finding's page with a message; nothing is stored or
 * shown here, the finding's page checks who is asking as always.
 */
@Component
// after the character encoding filter, before Spring Security (-100)
@Order(-200)
class EvidenceUploadLimitFilter extends OncePerRequestFilter {

    private static final Pattern UPLOAD = Pattern.compile("/findings/(\\d{1,18})/evidence");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/") || !UPLOAD.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException e) {
            // the servlet API's way of saying a part or the request is over its limit
            Matcher upload = UPLOAD.matcher(path(request));
            upload.matches();
            String page = request.getContextPath() + "/findings/" + upload.group(1);
            FlashMap flash = new FlashMap();
            flash.put("flashError", "inspection.evidenceTooLargeForServer");
            flash.setTargetRequestPath(page);
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
            response.sendRedirect(page);
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
