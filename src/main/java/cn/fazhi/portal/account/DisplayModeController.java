package cn.fazhi.portal.account;

import cn.fazhi.portal.account.internal.AccountService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The switch of the elderly-friendly display on every page. With scripts the page changes at once
 * and posts in the background (a form half filled in is kept); without, the form posts and the
 * same page comes back.
 */
@Controller
class DisplayModeController {

    /** Sent by display-mode.js, which changed the page itself and needs no page back. */
    static final String IN_PLACE = "X-Display-In-Place";

    private final AccountService accounts;

    DisplayModeController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/display-mode")
    ResponseEntity<Void> choose(
            @RequestParam boolean elderly,
            @RequestParam(defaultValue = "/") String back,
            @RequestHeader(name = IN_PLACE, required = false) String inPlace,
            @AuthenticationPrincipal PortalUser user,
            HttpServletRequest request,
            HttpServletResponse response) {
        DisplayMode.remember(request, response, elderly);
        if (user != null) {
            accounts.chooseElderlyMode(user.toViewer(), elderly);
        }
        if (inPlace != null) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(303)
                .header("Location", request.getContextPath() + localPath(back))
                .build();
    }

    /** Only a path of this portal: never another host ("//evil", "/\\evil", "https:…"). */
    static String localPath(String back) {
        // a backslash anywhere is refused: browsers read "/\\host" as "//host"
        boolean local =
                back.startsWith("/") && !back.startsWith("//") && back.chars().noneMatch(c -> c < 0x20 || c == '\\');
        return local ? back : "/";
    }
}
