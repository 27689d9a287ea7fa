/** The append-only audit log: who did what to which record, from where, before and after. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"config"})
package cn.fazhi.portal.audit;
