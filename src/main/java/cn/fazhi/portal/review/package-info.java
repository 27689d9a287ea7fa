/** Reviewers' work on submitted reports: the queue, returning with a comment, approving, reopening. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Review",
        allowedDependencies = {"account", "config", "region", "report"})
package cn.fazhi.portal.review;
