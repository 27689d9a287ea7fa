package cn.fazhi.portal.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** The message key of what happened at the last try, if anything. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String slow, @RequestParam(required = false) String expired,
            @RequestParam(required = false) String logout, Model model) {
        String problem = locked != null ? "login.locked" : slow != null ? "login.slow"
                : error != null ? "login.failed" : expired != null ? "login.expired" : null;
        model.addAttribute("loginProblem", problem);
        model.addAttribute("loggedOut", logout != null);
        return "account/login";
    }
}
