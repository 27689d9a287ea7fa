package cn.fazhi.portal.inspection;

import cn.fazhi.portal.config.OversizedUploadRedirect;
import cn.fazhi.portal.inspection.internal.FindingWorkflow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Sends an evidence file over the size limit back to its finding's page with a message, before
 * Spring Security or the container refuse it without one ({@link FindingWorkflow} checks the limit
 * again, for uploads that come another way).
 */
@Component
// after the character encoding filter, before Spring Security (-100)
@Order(-200)
class EvidenceUploadLimitFilter extends OversizedUploadRedirect {

    /** The message the finding's page shows next to its file field. */
    static final String TOO_LARGE = "inspection.evidenceTooLargeForServer";

    EvidenceUploadLimitFilter(@Value("${portal.inspection.evidence-max-file-size:10MB}") DataSize maxFileSize) {
        super(Pattern.compile("/findings/(\\d{1,18})/evidence"), maxFileSize.toBytes(), TOO_LARGE);
    }

    @Override
    protected String pageOf(Matcher upload) {
        return "/findings/" + upload.group(1);
    }
}
