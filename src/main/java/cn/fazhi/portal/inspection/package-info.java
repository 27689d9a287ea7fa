/**
 * Inspections (督察) of counties and their findings, which the county rectifies by a deadline and
 * the reviewer accepts. Its API for other modules: {@link cn.fazhi.portal.inspection.InspectionService}
 * (reads, the county's open findings, and the counts per county for the status board and the county
 * profile) and the read records it returns.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Inspections",
        allowedDependencies = {"region", "catalog", "account", "audit", "config"})
package cn.fazhi.portal.inspection;
