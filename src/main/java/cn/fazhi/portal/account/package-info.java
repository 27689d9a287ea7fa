/**
 * Accounts, roles and region scopes, login and the security configuration. {@link
 * cn.fazhi.portal.account.Viewer} is how every other feature learns who is asking.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Accounts",
        allowedDependencies = {"config", "region"})
package cn.fazhi.portal.account;
