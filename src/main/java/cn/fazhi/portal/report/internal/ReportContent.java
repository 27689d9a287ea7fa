package cn.fazhi.portal.report.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report says — its values, custom figures and narrative — whether it is the working copy
 * a county edits or a published version: the pages, documents and downloads read either the same way.
 */
public interface ReportContent {

    /** Every stored value by indicator code. */
    Map<String, ValueEntry> entries();

    /** The custom figures of one section, in their order. */
    List<CustomFigureView> figuresOf(String sectionCode);

    /** The four narrative parts by form field name, in the order the law lists them. */
    Map<String, String> narrative();

    static Map<String, String> narrative(String measures, String problems, String nextYearPlan, String leadersDuty) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("measures", measures);
        texts.put("problems", problems);
        texts.put("nextYearPlan", nextYearPlan);
        texts.put("leadersDuty", leadersDuty);
        return texts;
    }
}
