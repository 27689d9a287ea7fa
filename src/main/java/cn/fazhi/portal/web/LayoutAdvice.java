package cn.fazhi.portal.web;

import cn.fazhi.portal.account.DisplayMode;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    /**
     * Who is signed in, as the menu needs it. Worked out once a page: a security expression per
     * menu item ({@code sec:authorize}) cost about a tenth of a dashboard page's rendering.
     *
     * @param reviewing a reviewer or an administrator: the dashboards' status board and the review queue
     */
    record Navigation(boolean signedIn, boolean reviewing, boolean administering, String displayName) {}

    @ModelAttribute("nav")
    Navigation navigation(@AuthenticationPrincipal PortalUser user) {
        if (user == null) {
            return new Navigation(false, false, false, null);
        }
        Viewer viewer = user.toViewer();
        return new Navigation(
                true, viewer.is(Role.REVIEWER) || viewer.is(Role.ADMIN), viewer.is(Role.ADMIN), user.getDisplayName());
    }

    @ModelAttribute("elderlyMode")
    boolean elderlyMode(HttpServletRequest request) {
        return DisplayMode.isElderly(request);
    }

    /** This page's query without its page number, for the pager's links to keep the filters. */
    @ModelAttribute("pagerBase")
    String pagerBase(HttpServletRequest request) {
        String query = request.getQueryString() == null
                ? ""
                : Arrays.stream(request.getQueryString().split("&"))
                        .filter(p -> !p.isEmpty() && !p.startsWith("page=") && !p.startsWith("lang="))
                        .collect(Collectors.joining("&"));
        return currentPath(request) + "?" + (query.isEmpty() ? "" : query + "&") + "page=";
    }
}
