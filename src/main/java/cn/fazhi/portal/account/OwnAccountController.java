package cn.fazhi.portal.account;

import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.config.FormSubmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: the previous login, and changing the password. */
@Controller
class OwnAccountController {

    private final AccountService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OwnAccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("user", user);
        return "account/account";
    }

    @GetMapping(PasswordChangeRequired.PASSWORD_PAGE)
    String passwordForm(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("form", PasswordForm.empty());
        model.addAttribute("forced", user.isMustChangePassword());
        return "account/password";
    }

    @PostMapping(PasswordChangeRequired.PASSWORD_PAGE)
    String changePassword(
            @AuthenticationPrincipal PortalUser user,
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("newPassword")
                && !result.hasFieldErrors("confirmPassword")
                && !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.confirmMismatch");
        }
        String done = FormSubmission.submit(result, redirect, "password.changed", () -> {
            int stamp = accounts.changeOwnPassword(user.toViewer(), form.currentPassword(), form.newPassword());
            refreshLogin(user.withPasswordChanged(stamp), request, response);
            return "redirect:/";
        });
        if (done != null) {
            return done;
        }
        model.addAttribute("forced", user.isMustChangePassword());
        // th:field never writes a password input's value back into the page
        return "account/password";
    }

    /** The session keeps the login; it must now know the password was changed. */
    private void refreshLogin(PortalUser user, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
