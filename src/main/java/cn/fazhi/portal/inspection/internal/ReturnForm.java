package cn.fazhi.portal.inspection.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reviewer sending a reply back: the comment says what is still to be done. */
public record ReturnForm(
        @NotBlank(message = "{inspection.commentRequired}") @Size(max = 5000, message = "{inspection.commentTooLong}")
        String comment,

        Integer version) {}
