package cn.fazhi.portal.review;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.report.ReportConflictException;
import cn.fazhi.portal.report.ReportWorkflow;
import cn.fazhi.portal.report.ReportWorkflow.Decision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A reviewer's decisions (审核决定) on a report: returning it with a comment, approving it (with a
 * public note when it corrects a published version), reopening an approved one with a reason. This
 * is the reviewer's use case: it checks what the reviewer typed; the report module says who may
 * decide, refuses a decision on a report changed since the page showed it, and changes the report
 * (an approval freezes it as a published version).
 */
@Service
@Transactional
public class ReviewDecisions {

    /** The longest comment or reason a decision keeps (the database's check says the same). */
    static final int MAX_REVIEW_TEXT = 5000;

    /** The longest public note of a correction (the database's check says the same). */
    static final int MAX_PUBLIC_NOTE = 2000;

    private final ReportWorkflow workflow;

    ReviewDecisions(ReportWorkflow workflow) {
        this.workflow = workflow;
    }

    /**
     * Returns the report to the county with the reviewer's comment.
     *
     * @param version the version of the report the reviewer decided on
     * @throws ReviewInputException without a comment or with one too long
     * @throws ReportConflictException when the report changed since (returned, edited, resubmitted)
     */
    public void returnForRevision(String countyCode, int year, int version, String comment, Viewer viewer) {
        workflow.checkDecision(countyCode, year, version, Decision.RETURN, viewer);
        workflow.returnForRevision(countyCode, year, version,
                required(comment, "review.commentRequired", "review.commentTooLong"), viewer);
    }

    /**
     * Approves the report as the reviewer saw it, which makes it public; a correction may carry a note
     * for the public (why it was corrected), which is all the public learns of the correction.
     *
     * @param publicNote the note, or null or blank for none
     * @throws ReviewInputException with a note on a first approval, or a note too long
     * @throws ReportConflictException when the report changed since: approving it would approve
     *     content the reviewer never saw
     */
    public void approve(String countyCode, int year, int version, String publicNote, Viewer viewer) {
        boolean correction = workflow.checkDecision(countyCode, year, version, Decision.APPROVE, viewer);
        String note = StringUtils.hasText(publicNote) ? publicNote.strip() : null;
        if (note != null && !correction) {
            throw new ReviewInputException("review.publicNoteOnlyForCorrection");
        }
        if (note != null && note.length() > MAX_PUBLIC_NOTE) {
            throw new ReviewInputException("review.publicNoteTooLong");
        }
        workflow.approve(countyCode, year, version, note, viewer);
    }

    /**
     * Opens an approved report again for correction, with the reason.
     *
     * @param version the version of the report the decision was made on
     * @throws ReviewInputException without a reason or with one too long
     */
    public void reopen(String countyCode, int year, int version, String reason, Viewer viewer) {
        workflow.checkDecision(countyCode, year, version, Decision.REOPEN, viewer);
        workflow.reopen(countyCode, year, version, required(reason, "review.reasonRequired", "review.reasonTooLong"),
                viewer);
    }

    private static String required(String text, String missing, String tooLong) {
        if (!StringUtils.hasText(text)) {
            throw new ReviewInputException(missing);
        }
        if (text.strip().length() > MAX_REVIEW_TEXT) {
            throw new ReviewInputException(tooLong);
        }
        return text.strip();
    }
}
