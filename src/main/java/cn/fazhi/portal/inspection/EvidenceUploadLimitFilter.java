package cn.fazhi.portal.inspection;

import cn.fazhi.portal.config.OversizedUploadRedirect;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends an evidence file over the container's size limit back to its finding's page with a
 * message (files under it but over the evidence limit are refused by {@link FindingWorkflow}).
 */
@Component
// after the character encoding filter, before Spring Security (-100)
@Order(-200)
class EvidenceUploadLimitFilter extends OversizedUploadRedirect {

    EvidenceUploadLimitFilter() {
        super(Pattern.compile("/findings/(\\d{1,18})/evidence"), "inspection.evidenceTooLargeForServer");
    }

    @Override
    protected String pageOf(Matcher upload) {
        return "/findings/" + upload.group(1);
    }
}
