package cn.fazhi.portal.web;

import cn.fazhi.portal.account.DisplayMode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page. */
@ControllerAdvice
class LayoutAdvice {

    /** The path of this page, for the language switch to come back to it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** This page with its query, for the display switch to come back to it. */
    @ModelAttribute("currentUrl")
    String currentUrl(HttpServletRequest request) {
        return currentPath(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    @ModelAttribute("elderlyMode")
    boolean elderlyMode(HttpServletRequest request) {
        return DisplayMode.isElderly(request);
    }

    /** This page's query without its page number, for the pager's links to keep the filters. */
    @ModelAttribute("pagerBase")
    String pagerBase(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("page=") && !p.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return currentPath(request) + "?" + (query.isEmpty() ? "" : query + "&") + "page=";
    }
}
