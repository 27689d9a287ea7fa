package cn.fazhi.portal.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sends an upload over the container's size limit (超限上传) back to its page with a message.
 * Tomcat refuses such a body as soon as anything asks for a request parameter, and Spring
 * Security's CSRF check asks first of all: the browser would get a bare 413 before any controller
 * or exception handler of the application runs. So the body is parsed here, ahead of security
 * (register subclasses with an order between the character encoding filter and Spring Security's
 * -100), and an oversized one is answered with a redirect. Nothing is stored or shown here; the
 * page checks who is asking as always.
 */
public abstract class OversizedUploadRedirect extends OncePerRequestFilter {

    private final Pattern uploads;
    private final long maxPartBytes;
    private final String messageKey;

    /**
     * @param uploads the paths of the uploads watched (POSTs of multipart forms)
     * @param maxPartBytes the largest file these uploads take, which may be below the container's
     *     limit (that limit is the largest of all uploads')
     * @param messageKey the flash error shown on the page the upload came from
     */
    protected OversizedUploadRedirect(Pattern uploads, long maxPartBytes, String messageKey) {
        this.uploads = uploads;
        this.maxPartBytes = maxPartBytes;
        this.messageKey = messageKey;
    }

    /** The page to send a refused upload back to, from the path matched. */
    protected abstract String pageOf(Matcher upload);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !uploads.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean oversized;
        try {
            // the container keeps the parts: nothing is parsed twice
            oversized = request.getParts().stream().anyMatch(part -> part.getSize() > maxPartBytes);
        } catch (IllegalStateException e) {
            // the servlet API's way of saying a part or the request is over the container's limit
            oversized = true;
        } catch (IOException | ServletException e) {
            // a broken body: whatever reads it next refuses it as it would anyway
            oversized = false;
        }
        if (!oversized) {
            chain.doFilter(request, response);
            return;
        }
        Matcher upload = uploads.matcher(path(request));
        upload.matches();
        String page = request.getContextPath() + pageOf(upload);
        FlashMap flash = new FlashMap();
        flash.put("flashError", messageKey);
        flash.setTargetRequestPath(page);
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.sendRedirect(page);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
