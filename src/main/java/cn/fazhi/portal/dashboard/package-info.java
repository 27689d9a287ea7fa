/**
 * Dashboards: read-only comparisons of counties (status board, ranking, heat map, county
 * profile, side-by-side comparison) computed in PostgreSQL into records, the scoring method, and
 * CSV/XLSX exports of every table, with the inspection findings still open per county for those
 * who may see them. Nothing depends on this module except the navigation.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Dashboards",
        allowedDependencies = {"region", "catalog", "report", "inspection", "account", "config"})
package cn.fazhi.portal.dashboard;
