package cn.fazhi.portal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things are in the Excel form of a report (年度报告 Excel 填报表), for the writer and the
 * reader alike. The form is the official Chinese one whatever the page's language: its labels are
 * checked on upload, so they cannot follow the viewer's language.
 *
 * <p>Sheet 1 "指标": county code, county name and year in column B of rows 1–3, a blank row, then
 * the table; the download stamp in the hidden column J of row 1. Sheet 2 "报告正文": a header row, then one row per narrative part. Sheet 3 "其他数据":
 * a header row, then one row per custom figure and blank rows for new ones (a workbook without it,
 * downloaded before custom figures existed, leaves them as they are).
 */
final class ReportWorkbookLayout {

    static final String VALUES_SHEET = "指标";
    static final String NARRATIVE_SHEET = "报告正文";
    static final String CUSTOM_SHEET = "其他数据";

    /**
     * Not a secret: protection keeps clerks from overwriting codes and names by accident. The
     * import checks every cell as if there were no protection at all.
     */
    static final String PROTECTION_PASSWORD = "fazhi-report";

    // rows and columns are POI's 0-based indexes
    static final int COUNTY_CODE_ROW = 0;
    static final int COUNTY_NAME_ROW = 1;
    static final int YEAR_ROW = 2;
    static final int HEADER_LABEL_COLUMN = 0;
    static final int HEADER_VALUE_COLUMN = 1;
    static final List<String> HEADER_LABELS = List.of("县级区划代码", "县（市、区）", "年度");
    static final int HINT_COLUMN = 3;
    static final String HINT = "只能填写黄色单元格：“本年数值”和“说明”两列。由分子、分母计算的比率无需填写，"
            + "“计算值”列是按现有数值算出的结果；若在“本年数值”中填写，将与分子、分母计算的结果核对。"
            + "清空“本年数值”即删除该数值。";

    static final int TABLE_HEADER_ROW = 4;
    static final int CODE = 0;
    static final int SECTION = 1;
    static final int NAME = 2;
    static final int UNIT = 3;
    static final int LAST_YEAR = 4;
    static final int VALUE = 5;
    static final int COMPUTED = 6;
    static final int EXPLANATION = 7;
    /** The table's header, in column order. */
    static final List<String> COLUMNS = List.of("指标代码", "板块", "指标名称", "单位", "上年数值", "本年数值", "计算值", "说明");

    static final String NOT_APPLICABLE = "不适用";

    /** A custom document property: county/year/version of the report the workbook was downloaded from. */
    static final String DOWNLOAD_STAMP_PROPERTY = "fazhi-report-version";
    /**
     * The same stamp in a cell of the values sheet's locked header, in a hidden column: programs
     * that drop custom properties when they save keep cells, and a copy of the sheet carries it.
     */
    static final int STAMP_ROW = COUNTY_CODE_ROW;

    static final int STAMP_COLUMN = 9;

    static final int NARRATIVE_HEADER_ROW = 0;
    static final int PART_COLUMN = 0;
    static final int TEXT_COLUMN = 1;
    static final List<String> NARRATIVE_COLUMNS = List.of("部分", "内容");
    /** The narrative parts' labels by field name, in the order of their rows (from row 2). */
    static final Map<String, String> NARRATIVE_LABELS = narrativeLabels();

    static final int CUSTOM_HEADER_ROW = 0;
    static final int CUSTOM_SECTION = 0;
    static final int CUSTOM_NAME = 1;
    static final int CUSTOM_UNIT = 2;
    static final int CUSTOM_VALUE = 3;
    static final int CUSTOM_NOTE = 4;
    static final List<String> CUSTOM_COLUMNS = List.of("板块", "名称", "单位", "数值", "备注");
    /** Blank rows offered below the figures for new ones. */
    static final int CUSTOM_BLANK_ROWS = 30;

    private ReportWorkbookLayout() {}

    /** The row of a narrative part, as a 0-based index. */
    static int narrativeRow(String field) {
        return NARRATIVE_HEADER_ROW + 1 + ReportEntryService.NARRATIVE_FIELDS.indexOf(field);
    }

    private static Map<String, String> narrativeLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("measures", "主要举措和成效");
        labels.put("problems", "存在的问题和不足");
        labels.put("nextYearPlan", "下一年度工作安排");
        labels.put("leadersDuty", "党政主要负责人履行推进法治建设第一责任人职责情况");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
