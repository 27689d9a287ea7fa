package cn.fazhi.portal.report;

import cn.fazhi.portal.config.OversizedUploadRedirect;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Sends an Excel upload over the size limit back to the report form with a message. */
@Component
// after the character encoding filter (the parts' texts are decoded here), before Spring Security (-100)
@Order(-200)
class OversizedUploadFilter extends OversizedUploadRedirect {

    OversizedUploadFilter() {
        super(
                Pattern.compile("/counties/(\\d{6})/reports/(\\d{4})/import"),
                ReportExcelService.MAX_UPLOAD_BYTES,
                "excel.tooLarge");
    }

    @Override
    protected String pageOf(Matcher upload) {
        return "/counties/" + upload.group(1) + "/reports/" + upload.group(2) + "/edit";
    }
}
