package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.region.RegionView;
import java.util.List;
import java.util.Map;

/**
 * The report form of one section (or of the narrative), ready to render.
 *
 * @param section the section shown, or {@link #NARRATIVE}
 * @param texts the four narrative texts by field name, with what was typed
 * @param narrativeErrors message keys by narrative field name
 * @param customFigures the section's custom figures, then the blank row for a new one
 * @param units the units in use, offered for a custom figure
 */
public record ReportForm(
        RegionView county,
        int year,
        ReportProgress progress,
        boolean editable,
        String section,
        List<SectionTab> tabs,
        List<EntryRow> rows,
        Map<String, String> texts,
        Map<String, String> narrativeErrors,
        List<Finding> findings,
        List<CustomRow> customFigures,
        List<String> units) {

    public static final String NARRATIVE = "NARRATIVE";

    public boolean isNarrative() {
        return NARRATIVE.equals(section);
    }
}
