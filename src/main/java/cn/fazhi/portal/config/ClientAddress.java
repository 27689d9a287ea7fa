package cn.fazhi.portal.config;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place that says what a client's address is, for the audit log and the login throttle
 * alike: the address as the servlet container sees it (behind a proxy, configure forwarded headers).
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
