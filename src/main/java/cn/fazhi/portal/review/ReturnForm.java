package cn.fazhi.portal.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A report returned to the county (退回): the comment says what to revise.
 *
 * @param version the version of the report the page showed
 */
record ReturnForm(
        @NotNull Integer version,

        @NotBlank(message = "{review.commentRequired}")
        @Size(max = ReviewDecisions.MAX_REVIEW_TEXT, message = "{review.commentTooLong}")
        String comment) {}
