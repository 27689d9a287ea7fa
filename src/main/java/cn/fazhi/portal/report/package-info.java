/**
 * Annual reports (年度报告) of the counties: their indicator values, computed rates, narrative
 * parts and workflow, and the county pages that show them.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Annual reports",
        allowedDependencies = {"account", "audit", "catalog", "config", "region"})
package cn.fazhi.portal.report;
