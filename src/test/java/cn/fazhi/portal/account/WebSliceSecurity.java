package cn.fazhi.portal.account;

import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.account.internal.LoginThrottle;
import cn.fazhi.portal.audit.AuditService;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The portal's real security configuration ({@link SecurityConfiguration}: the public routes, the
 * login, CSRF, the headers) in a {@code @WebMvcTest} slice, with the services behind the login
 * mocked: no database. Put it on a slice test beside {@code @WebMvcTest(SomeController.class)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({SecurityConfiguration.class, LoginOutcomes.class})
@MockitoBean(types = {AccountService.class, LoginThrottle.class, AuditService.class, SessionStamps.class})
public @interface WebSliceSecurity {

    /** The Content-Security-Policy header every page carries. */
    String CONTENT_SECURITY_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY;
}
