package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.SectionDef;
import java.util.List;

public record SectionValues(SectionDef section, List<ValueRow> rows) {

    public long filled() {
        return rows.stream().filter(r -> !r.isBlank()).count();
    }
}
