/** Shared web plumbing: the home page, language switching, the layout's model and error pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package cn.fazhi.portal.web;
