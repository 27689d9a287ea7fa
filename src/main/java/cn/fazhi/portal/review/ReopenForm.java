package cn.fazhi.portal.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An approved report opened again (重新打开): the reason goes to the audit log.
 *
 * @param version the version of the report the page showed
 */
record ReopenForm(
        @NotNull Integer version,

        @NotBlank(message = "{review.reasonRequired}")
        @Size(max = ReviewDecisions.MAX_REVIEW_TEXT, message = "{review.reasonTooLong}")
        String reason) {}
