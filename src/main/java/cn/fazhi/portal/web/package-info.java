/** Shared web plumbing: the home page, language switching, the layout's model and error pages. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"account", "config", "inspection", "region", "report"})
package cn.fazhi.portal.web;
