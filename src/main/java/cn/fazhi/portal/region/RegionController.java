package cn.fazhi.portal.region;

import cn.fazhi.portal.config.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The division browser: provinces, then a province's prefectures, then a prefecture's counties. */
@Controller
class RegionController {

    private final RegionService regions;

    RegionController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/regions")
    String provinces(Model model) {
        model.addAttribute("children", regions.childrenOf(null));
        model.addAttribute("countyCount", regions.countByLevel(RegionLevel.COUNTY));
        return "region/regions";
    }

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Model model) {
        RegionView region = regions.find(code).orElseThrow(NotFoundException::new);
        if (region.isCounty()) {
            return "redirect:/counties/" + region.code();
        }
        model.addAttribute("region", region);
        model.addAttribute("path", regions.pathTo(region));
        model.addAttribute("children", regions.childrenOf(region.code()));
        return "region/regions";
    }
}
