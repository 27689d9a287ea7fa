package cn.fazhi.portal.web;

import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalUser user, Model model) {
        if (user != null && user.getRole() == Role.COUNTY_STAFF) {
            model.addAttribute("ownCounty", user.getScopeRegionCode());
        }
        return "home";
    }
}
