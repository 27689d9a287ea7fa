package cn.fazhi.portal.config;

import org.springframework.security.access.AccessDeniedException;

/**
 * The viewer may not do this (无权). A kind of Spring Security's {@link AccessDeniedException} so
 * that it is answered as every other refusal of access is: the login page for an anonymous
 * visitor, 403 for an account.
 */
public class NotAllowedException extends AccessDeniedException {

    public NotAllowedException(String message) {
        super(message);
    }
}
