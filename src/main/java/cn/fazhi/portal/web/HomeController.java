package cn.fazhi.portal.web;

import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.region.RegionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final RegionService regions;

    HomeController(RegionService regions) {
        this.regions = regions;
    }

    /** A clerk is led straight to their own county. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalUser user, Model model) {
        if (user != null && user.getRole() == Role.COUNTY_STAFF) {
            regions.findCounty(user.getScopeRegionCode()).ifPresent(county -> model.addAttribute("ownCounty", county));
        }
        return "home";
    }
}
