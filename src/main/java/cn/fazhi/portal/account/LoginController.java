package cn.fazhi.portal.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** The longest wait the page will repeat: anything else in the address is not ours. */
    private static final long MAX_WAIT_SECONDS = 24 * 3600;

    /**
     * The message key of what happened at the last try, if anything, and how many seconds to wait
     * before the next (the same whether or not the username exists).
     */
    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String wait,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String logout,
            Model model) {
        Long seconds = seconds(wait);
        String problem = error != null
                ? "login.failed"
                : seconds != null ? "login.mustWait" : expired != null ? "login.expired" : null;
        model.addAttribute("loginProblem", problem);
        model.addAttribute("waitSeconds", seconds);
        model.addAttribute("loggedOut", logout != null);
        return "account/login";
    }

    private static Long seconds(String wait) {
        if (wait == null || !wait.matches("[0-9]{1,6}")) {
            return null;
        }
        long seconds = Long.parseLong(wait);
        return seconds < 1 || seconds > MAX_WAIT_SECONDS ? null : seconds;
    }
}
