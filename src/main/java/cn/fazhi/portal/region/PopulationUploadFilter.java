package cn.fazhi.portal.region;

import cn.fazhi.portal.config.OversizedUploadRedirect;
import cn.fazhi.portal.region.internal.PopulationTables;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Sends a population table over the size limit back to its page with a message. */
@Component
// after the character encoding filter, before Spring Security (-100), as the report's upload filter
@Order(-200)
class PopulationUploadFilter extends OversizedUploadRedirect {

    PopulationUploadFilter() {
        super(Pattern.compile("/admin/population"), PopulationTables.MAX_UPLOAD_BYTES, "population.tooLarge");
    }

    @Override
    protected String pageOf(Matcher upload) {
        return "/admin/population";
    }
}
