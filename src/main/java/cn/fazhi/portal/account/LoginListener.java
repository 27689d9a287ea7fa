package cn.fazhi.portal.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Keeps each account's last login time and address, shown to the user on their account page. */
@Component
class LoginListener {

    private final AccountService accounts;

    LoginListener(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        accounts.recordLogin(event.getAuthentication().getName(), address);
    }
}
