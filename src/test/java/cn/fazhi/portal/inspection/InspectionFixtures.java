package cn.fazhi.portal.inspection;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.inspection.internal.FindingWorkflow;
import cn.fazhi.portal.inspection.internal.ReplyForm;
import java.time.LocalDate;

/** Inspections made through the services, for tests outside this package (the authorization matrix). */
public final class InspectionFixtures {

    /**
     * An inspection of a county with three findings: one open, two replied (awaiting the reviewer),
     * and a PDF attached to the open one.
     */
    public record Recorded(long inspection, long open, long replied, long repliedToo, long evidence) {}

    private InspectionFixtures() {}

    public static Recorded recorded(
            InspectionService inspections,
            FindingWorkflow workflow,
            String county,
            Viewer reviewer,
            Viewer clerk,
            LocalDate today) {
        long inspection = inspections.record(
                new InspectionForm(
                        county, "COMPREHENSIVE", "2026", "2026-04-01", "2026-04-02", "云南省委依法治省办", "王五", "综合督察", null),
                reviewer);
        long open = finding(inspections, inspection, "未完成", today, reviewer);
        long replied = finding(inspections, inspection, "已答复一", today, reviewer);
        long repliedToo = finding(inspections, inspection, "已答复二", today, reviewer);
        for (long id : new long[] {replied, repliedToo}) {
            workflow.reply(id, new ReplyForm("已整改", today.toString(), 0), clerk);
        }
        long evidence =
                workflow.addEvidence(open, "整改报告.pdf", new java.io.ByteArrayInputStream(EvidenceFiles.pdf()), clerk);
        return new Recorded(inspection, open, replied, repliedToo, evidence);
    }

    private static long finding(
            InspectionService inspections, long inspection, String text, LocalDate today, Viewer reviewer) {
        return inspections.addFinding(
                inspection,
                new FindingForm(text, "MINOR", "", "", today.plusDays(30).toString(), null),
                reviewer);
    }
}
