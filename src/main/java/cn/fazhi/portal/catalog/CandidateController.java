package cn.fazhi.portal.catalog;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.catalog.internal.CustomFigurePromotion;
import cn.fazhi.portal.catalog.internal.IndicatorForm;
import cn.fazhi.portal.config.FieldRefusal;
import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.config.NotFoundException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's candidates page (指标候选): recurring custom figure names, and their
 * promotion into the catalogue with a preview of what moves.
 */
@Controller
class CandidateController {

    static final String INTO_EXISTING = "existing";
    static final String INTO_NEW = "new";

    private final CustomFigurePromotion promotion;
    private final CatalogAdminService catalogAdmin;

    CandidateController(CustomFigurePromotion promotion, CatalogAdminService catalogAdmin) {
        this.promotion = promotion;
        this.catalogAdmin = catalogAdmin;
    }

    @GetMapping("/admin/candidates")
    String candidates(Viewer viewer, Model model) {
        model.addAttribute("groups", promotion.candidates(viewer));
        return "catalog/candidates";
    }

    /**
     * The promotion form of a group; once an indicator is chosen (or a new one described without
     * errors), the preview of the figures that move and those that stay. The new indicator's form's
     * errors count only when a new indicator was asked for and described.
     */
    @GetMapping("/admin/candidates/promote")
    String promoteForm(
            @RequestParam String key,
            @RequestParam(defaultValue = INTO_EXISTING) String into,
            @ModelAttribute("choice") PromotionChoice choice,
            @Valid @ModelAttribute("form") IndicatorForm form,
            BindingResult result,
            Viewer viewer,
            Model model) {
        CustomFigurePromotion.CandidateGroup group = group(key, viewer);
        CustomFigurePromotion.Preview preview = null;
        if (INTO_NEW.equals(into) && form.code() != null) {
            FormSubmission.reject(result, catalogAdmin.refusals(form));
            if (!result.hasErrors()) {
                preview = promotion.preview(key, catalogAdmin.toDef(form), viewer);
            }
        } else if (INTO_EXISTING.equals(into) && choice.chosen()) {
            preview = promotion.preview(
                    key, catalogAdmin.indicator(choice.indicator(), viewer).indicator(), viewer);
        }
        if (!INTO_NEW.equals(into) || form.code() == null) {
            unjudged(model, form.code() == null ? blankFor(group) : form);
        }
        return page(model, group, into, choice.indicator(), preview, viewer);
    }

    /** Promotes into the chosen indicator, or into a new one described by the form (judged like any new indicator's). */
    @PostMapping("/admin/candidates/promote")
    String promote(
            @RequestParam String key,
            @RequestParam(defaultValue = INTO_EXISTING) String into,
            @ModelAttribute("choice") PromotionChoice choice,
            BindingResult chosen,
            @Valid @ModelAttribute("form") IndicatorForm form,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        CustomFigurePromotion.CandidateGroup group = group(key, viewer);
        CustomFigurePromotion.Preview[] moved = new CustomFigurePromotion.Preview[1];
        String done;
        if (INTO_NEW.equals(into)) {
            done = FormSubmission.submit(result, catalogAdmin.refusals(form), redirect, null, () -> {
                moved[0] = promotion.promote(key, form, viewer);
                return "redirect:/admin/candidates";
            });
        } else {
            List<FieldRefusal> none =
                    choice.chosen() ? List.of() : List.of(new FieldRefusal("indicator", "catalogAdmin.required"));
            done = FormSubmission.submit(chosen, none, redirect, null, () -> {
                moved[0] = promotion.promote(key, choice.indicator(), viewer);
                return "redirect:/admin/candidates";
            });
            if (done == null) {
                unjudged(model, blankFor(group));
            }
        }
        if (done == null) {
            return page(model, group, into, choice.indicator(), null, viewer);
        }
        redirect.addFlashAttribute("flash", "candidates.promoted");
        redirect.addFlashAttribute(
                "flashArgs",
                List.of(
                        moved[0].moving().size(),
                        moved[0].staying().size(),
                        moved[0].indicator().nameZh()));
        return done;
    }

    /** A new indicator's form shown without errors: no new indicator was asked for. */
    private static void unjudged(Model model, IndicatorForm form) {
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
    }

    /** The promotion page; the model holds the new indicator's {@code form}. */
    private String page(
            Model model,
            CustomFigurePromotion.CandidateGroup group,
            String into,
            String indicator,
            CustomFigurePromotion.Preview preview,
            Viewer viewer) {
        model.addAttribute("group", group);
        model.addAttribute("into", into);
        model.addAttribute("indicator", indicator);
        model.addAttribute("preview", preview);
        model.addAttribute("sections", catalogAdmin.sections());
        model.addAttribute(
                "indicators",
                catalogAdmin.indicators(viewer).stream()
                        .map(CatalogAdminService.IndicatorRow::indicator)
                        .filter(i -> !i.isComputed())
                        .toList());
        return "catalog/promote";
    }

    private CustomFigurePromotion.CandidateGroup group(String key, Viewer viewer) {
        Optional<CustomFigurePromotion.CandidateGroup> group = promotion.candidates(viewer).stream()
                .filter(g -> g.key().equals(key))
                .findFirst();
        return group.orElseThrow(() -> new NotFoundException());
    }

    /** A new indicator's form started from the group: its commonest name and unit, its first year. */
    private static IndicatorForm blankFor(CustomFigurePromotion.CandidateGroup group) {
        String unit = group.units().entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("");
        String firstYear = group.years().isEmpty() ? "" : group.years().get(0).toString();
        return new IndicatorForm("", "", group.label(), "", unit, "COUNT", "UP", "", "", "", "", "", "", firstYear, "");
    }
}
