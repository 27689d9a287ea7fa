/**
 * Inspections (督察) of counties and their findings, which the county rectifies by a deadline and
 * the reviewer accepts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspections")
package cn.fazhi.portal.inspection;
