package cn.fazhi.portal.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Deny by default: only the public pages (approved data and its downloads, the catalogue, the
 * division tree), the login page and static files are open; administration needs the ADMIN role;
 * everything else a login. The services check role and region scope again.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script anywhere: pages load their scripts from /js and the webjars. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginOutcomes outcomes, SessionStamps stamps)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/login",
                                "/catalog",
                                "/regions",
                                "/regions/*",
                                "/counties/*",
                                "/counties/*/reports/*",
                                "/counties/*/reports/*/report.xlsx",
                                "/counties/*/reports/*/report.csv",
                                "/counties/*/reports/*/print",
                                "/counties/*/reports/*/versions/*/changes",
                                "/counties/*/reports/*/document.docx")
                        .permitAll()
                        // the public dashboards (approved reports only; DashboardService decides what counts)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/dashboards/ranking",
                                "/dashboards/heatmap",
                                "/dashboards/counties/*",
                                "/dashboards/scoring")
                        .permitAll()
                        // issue 18: the public list of a year's publications (who published by 1 April)
                        .requestMatchers(HttpMethod.GET, "/publications/*")
                        .permitAll()
                        // anyone may choose the elderly-friendly display (CSRF-checked like every POST)
                        .requestMatchers(HttpMethod.POST, "/display-mode")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout.addLogoutHandler(outcomes)
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                // a tampered token is a wrong token (403), not a failure of the server (hardening: errors)
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenTolerance()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(outcomes.throttleFilter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeRequired(stamps), AuthorizationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** bcrypt today, with the algorithm named in each hash so that it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
