/**
 * The indicator catalogue: sections of the national outline, indicators with their kinds,
 * directions, computed-rate parts and per-year targets, and the validation rules between them.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Catalogue",
        allowedDependencies = {"account", "config"})
package cn.fazhi.portal.catalog;
