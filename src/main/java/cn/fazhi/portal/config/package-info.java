/**
 * What the whole portal shares at start-up: the embedded PostgreSQL used when no server is
 * configured, and whether the demo data is to be loaded; and the small helpers every feature may
 * use (the reporting calendar, the caches), and the domain's refusals every service throws
 * ({@link cn.fazhi.portal.config.DomainException} and its kinds).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Configuration",
        allowedDependencies = {})
package cn.fazhi.portal.config;
