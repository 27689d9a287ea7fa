package cn.fazhi.portal.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A report approved (审核通过): a correction may carry a note for the public; a first approval may
 * not, which only the report can tell ({@link ReviewDecisions#approve}).
 *
 * @param version the version of the report the page showed
 * @param publicNote the note, empty for none
 */
record ApprovalForm(
        @NotNull Integer version,

        @Size(max = ReviewDecisions.MAX_PUBLIC_NOTE, message = "{review.publicNoteTooLong}")
        String publicNote) {}
