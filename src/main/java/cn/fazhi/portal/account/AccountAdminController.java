package cn.fazhi.portal.account;

import cn.fazhi.portal.account.internal.AccountCommand;
import cn.fazhi.portal.account.internal.AccountQuery;
import cn.fazhi.portal.account.internal.AccountRow;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.account.internal.AccountStatus;
import cn.fazhi.portal.account.internal.CreatedAccount;
import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionSummary;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration: search, create, edit, disable and enable, unlock, reset the password. */
@Controller
class AccountAdminController {

    static final int PAGE_SIZE = 20;

    private final AccountService accounts;
    private final RegionService regions;

    AccountAdminController(AccountService accounts, RegionService regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    @GetMapping("/admin/accounts")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) AccountStatus status,
            @RequestParam(defaultValue = "0") int page,
            Viewer viewer,
            Model model) {
        AccountQuery query = new AccountQuery(q, role, region, status);
        model.addAttribute("query", query);
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", AccountStatus.values());
        model.addAttribute("accounts", accounts.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE), viewer));
        return "account/admin-list";
    }

    @GetMapping("/admin/accounts/new")
    String newAccount(Model model) {
        return form(AccountCommand.empty(), null, model);
    }

    @PostMapping("/admin/accounts")
    String create(
            @Valid @ModelAttribute("form") AccountCommand form,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        String done = FormSubmission.submit(result, redirect, "account.created", () -> {
            CreatedAccount created = accounts.create(form, viewer);
            redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
            return "redirect:/admin/accounts/" + created.id();
        });
        return done != null ? done : form(form, null, model);
    }

    @GetMapping("/admin/accounts/{id}")
    String show(@PathVariable long id, Viewer viewer, Model model) {
        AccountRow account = accounts.get(id, viewer);
        return form(AccountCommand.of(account), account, model);
    }

    @PostMapping("/admin/accounts/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") AccountCommand form,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        AccountRow account = accounts.get(id, viewer);
        String done = FormSubmission.submit(result, redirect, "account.saved", () -> {
            accounts.update(id, form, viewer);
            return "redirect:/admin/accounts/" + id;
        });
        return done != null ? done : form(form, account, model);
    }

    @PostMapping("/admin/accounts/{id}/enable")
    String enable(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        return act(id, redirect, "account.enabled", () -> accounts.setEnabled(id, true, viewer));
    }

    @PostMapping("/admin/accounts/{id}/disable")
    String disable(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        return act(id, redirect, "account.disabled", () -> accounts.setEnabled(id, false, viewer));
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        return act(id, redirect, "account.unlocked", () -> accounts.unlock(id, viewer));
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    String resetPassword(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "account.passwordReset",
                () -> redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(id, viewer)));
    }

    /** The region picker alone, re-rendered by htmx whenever the role, province or prefecture changes. */
    @GetMapping("/admin/accounts/scope-picker")
    String scopePicker(@ModelAttribute("form") AccountCommand form, Model model) {
        AccountCommand consistent = withinEachOther(form);
        model.addAttribute("form", consistent);
        model.addAttribute("scope", options(consistent));
        return "account/admin-form :: scopePicker";
    }

    private String form(AccountCommand form, AccountRow account, Model model) {
        // replacing the bound form object would drop its BindingResult, and with it the field errors
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("account", account);
        model.addAttribute("roles", Role.values());
        model.addAttribute("scope", options(form));
        return "account/admin-form";
    }

    private ScopeOptions options(AccountCommand form) {
        List<RegionSummary> provinces = regions.childrenOf(null);
        List<RegionSummary> prefectures = List.of();
        List<RegionSummary> counties = List.of();
        if (StringUtils.hasText(form.province())) {
            List<RegionSummary> underProvince = regions.childrenOf(form.province());
            prefectures = underProvince.stream()
                    .filter(r -> r.level() == RegionLevel.PREFECTURE)
                    .toList();
            // counties hang under the prefecture, or straight under the province (municipalities, 省直辖县)
            counties = StringUtils.hasText(form.prefecture())
                    ? regions.childrenOf(form.prefecture()).stream()
                            .filter(r -> r.level() == RegionLevel.COUNTY)
                            .toList()
                    : underProvince.stream()
                            .filter(r -> r.level() == RegionLevel.COUNTY)
                            .toList();
        }
        return new ScopeOptions(provinces, prefectures, counties);
    }

    /** A changed province drops the prefecture and county chosen under the previous one. */
    private AccountCommand withinEachOther(AccountCommand form) {
        String province = blankToNull(form.province());
        String prefecture = blankToNull(form.prefecture());
        String county = blankToNull(form.county());
        if (prefecture != null
                && (province == null
                        || regions.find(prefecture)
                                .filter(p -> p.isWithin(province))
                                .isEmpty())) {
            prefecture = null;
        }
        String parent = prefecture != null ? prefecture : province;
        if (county != null
                && (parent == null
                        || regions.find(county).filter(c -> c.isWithin(parent)).isEmpty())) {
            county = null;
        }
        return new AccountCommand(form.username(), form.displayName(), form.role(), province, prefecture, county);
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value : null;
    }

    private static String act(long id, RedirectAttributes redirect, String successKey, Runnable action) {
        FormSubmission.click(redirect, successKey, action);
        return "redirect:/admin/accounts/" + id;
    }
}
