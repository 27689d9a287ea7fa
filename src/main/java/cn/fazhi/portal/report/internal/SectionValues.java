package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.report.ValueRow;
import java.util.List;

/** A section of a report as shown: its catalogue indicators, then the county's own figures. */
public record SectionValues(SectionDef section, List<ValueRow> rows, List<CustomFigureView> customFigures) {

    public long filled() {
        return rows.stream().filter(r -> !r.isBlank()).count();
    }
}
