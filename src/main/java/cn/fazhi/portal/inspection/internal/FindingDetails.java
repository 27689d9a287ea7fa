package cn.fazhi.portal.inspection.internal;

import java.time.Instant;
import java.util.List;

/**
 * A finding's page: the finding, the county's reply, the reviewer's comment, the evidence, and
 * what the viewer may do with it now.
 */
public record FindingDetails(
        FindingRow row,
        String rectificationReply,
        String reviewComment,
        Instant returnedAt,
        int version,
        List<EvidenceView> evidence,
        boolean mayReply,
        boolean mayDecide,
        boolean mayEdit) {}
