package cn.fazhi.portal.review;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.report.ReportConflictException;
import cn.fazhi.portal.report.ReportWorkflow;
import cn.fazhi.portal.report.ReportWorkflow.Decision;
import cn.fazhi.portal.review.internal.ReviewInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A reviewer's decisions (审核决定) on a report: returning it with a comment, approving it (with a
 * public note when it corrects a published version), reopening an approved one with a reason. The
 * forms' annotations check what the reviewer typed; this use case adds what only the report can
 * tell (a public note is for a correction); the report module says who may decide, refuses a
 * decision on a report changed since the page showed it, and changes the report (an approval
 * freezes it as a published version).
 */
@Service
@Transactional
class ReviewDecisions {

    /** The longest comment or reason a decision keeps (the database's check says the same). */
    static final int MAX_REVIEW_TEXT = 5000;

    /** The longest public note of a correction (the database's check says the same). */
    static final int MAX_PUBLIC_NOTE = 2000;

    private final ReportWorkflow workflow;

    ReviewDecisions(ReportWorkflow workflow) {
        this.workflow = workflow;
    }

    /**
     * Checks that the viewer may take the decision on the report as the page showed it, before what
     * they typed is looked at: a stranger is refused, and a stale page told so, whatever they typed.
     *
     * @throws ReportConflictException when the report changed since
     */
    @Transactional(readOnly = true)
    public void check(String countyCode, int year, int version, Decision decision, Viewer viewer) {
        workflow.checkDecision(countyCode, year, version, decision, viewer);
    }

    /**
     * Returns the report to the county with the reviewer's comment.
     *
     * @throws ReportConflictException when the report changed since (returned, edited, resubmitted)
     */
    public void returnForRevision(String countyCode, int year, ReturnForm form, Viewer viewer) {
        workflow.returnForRevision(countyCode, year, form.version(), form.comment(), viewer);
    }

    /**
     * Approves the report as the reviewer saw it, which makes it public; a correction may carry a note
     * for the public (why it was corrected), which is all the public learns of the correction.
     *
     * @throws ReviewInputException with a note on a first approval
     * @throws ReportConflictException when the report changed since: approving it would approve
     *     content the reviewer never saw
     */
    public void approve(String countyCode, int year, ApprovalForm form, Viewer viewer) {
        boolean correction = workflow.checkDecision(countyCode, year, form.version(), Decision.APPROVE, viewer);
        String note = StringUtils.hasText(form.publicNote()) ? form.publicNote().strip() : null;
        if (note != null && !correction) {
            throw new ReviewInputException("publicNote", "review.publicNoteOnlyForCorrection");
        }
        workflow.approve(countyCode, year, form.version(), note, viewer);
    }

    /**
     * Opens an approved report again for correction, with the reason.
     *
     * @throws ReportConflictException when the report changed since
     */
    public void reopen(String countyCode, int year, ReopenForm form, Viewer viewer) {
        workflow.reopen(countyCode, year, form.version(), form.reason(), viewer);
    }
}
