package cn.fazhi.portal.inspection.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The county's rectification reply: what was done, and when it was finished. */
public record ReplyForm(
        @NotBlank(message = "{inspection.replyRequired}") @Size(max = 20000, message = "{inspection.replyTooLong}")
        String reply,

        @NotBlank(message = "{inspection.rectifiedOnRequired}") @IsoDate
        String rectifiedOn,

        Integer version) {

    public static ReplyForm of(FindingDetails finding) {
        return new ReplyForm(
                finding.rectificationReply() == null ? "" : finding.rectificationReply(),
                Dates.format(finding.row().rectifiedOn()),
                finding.version());
    }
}
