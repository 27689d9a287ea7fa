/**
 * Dashboards: read-only comparisons of counties (status board, ranking, heat map, county
 * profile, side-by-side comparison) computed in PostgreSQL into records, the scoring method, and
 * CSV/XLSX exports of every table. Nothing depends on this module except the navigation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards",
        allowedDependencies = {"region", "catalog", "report", "account", "config"})
package cn.fazhi.portal.dashboard;
