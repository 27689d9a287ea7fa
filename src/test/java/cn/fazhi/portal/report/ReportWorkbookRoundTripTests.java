package cn.fazhi.portal.report;

import static cn.fazhi.portal.report.EditedWorkbooks.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.report.internal.ComputedRate;
import cn.fazhi.portal.report.internal.CustomFigureView;
import cn.fazhi.portal.report.internal.ImportProblem;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Excel form without Spring or a database: what {@link ReportWorkbookWriter} writes for a report
 * of a small catalogue made here, {@link ReportWorkbookReader} reads back the same (values as typed,
 * explanations, narrative, custom figures, the download stamp twice); a cell changed in memory as a
 * clerk would is read, a malformed one is named by sheet, row and column. The HTTP round trip on the
 * real catalogue is in {@link ReportExcelTests}.
 */
class ReportWorkbookRoundTripTests {

    private static final IndicatorDef MEETINGS = indicator("T_MEETINGS", 1, IndicatorKind.COUNT, null, null);
    private static final IndicatorDef CASES = indicator("T_CASES", 2, IndicatorKind.COUNT, null, null);
    private static final IndicatorDef CLOSED = indicator("T_CLOSED", 3, IndicatorKind.COUNT, null, null);
    private static final IndicatorDef RATE = indicator("T_RATE", 4, IndicatorKind.RATE, "T_CLOSED", "T_CASES");
    private static final IndicatorDef BUDGET = indicator("T_BUDGET", 5, IndicatorKind.AMOUNT, null, null);

    private static final Catalog CATALOG = new Catalog(
            2024,
            List.of(new SectionDef("T_SECTION", 1, "测试板块", "Test section", "一")),
            List.of(MEETINGS, CASES, CLOSED, RATE, BUDGET),
            List.of());

    @TempDir
    Path dir;

    @Test
    void whatTheWriterWritesTheReaderReadsBack() throws IOException {
        Map<String, String> narrative =
                Map.of("measures", "主要举措", "problems", "存在的问题", "nextYearPlan", "下一年度计划", "leadersDuty", "主要负责人履职");
        ReportExport report = new ReportExport(
                "530101",
                "测试县",
                2024,
                7,
                List.of(
                        row(MEETINGS, new BigDecimal("9"), typed("12", "含专题会"), null),
                        row(CASES, null, typed("40", null), null),
                        row(CLOSED, null, typed("30", null), null),
                        row(RATE, null, null, ComputedRate.of(new BigDecimal("30"), new BigDecimal("40"))),
                        row(BUDGET, null, null, null)),
                narrative,
                List.of(new ReportExport.Figure(
                        "测试板块", new CustomFigureView(1, "T_SECTION", "法治培训人次", "人次", new BigDecimal("1200"), "含线上"))),
                List.of("测试板块"),
                null);

        ReportWorkbookReader.Content content = read(ReportWorkbookWriter.write(report), "530101", 2024);

        assertThat(content.problems()).isEmpty();
        assertThat(content.stampProperty()).isEqualTo("530101/2024/7");
        assertThat(content.stampCell()).isEqualTo("530101/2024/7");
        Map<String, ReportWorkbookReader.Value> values = content.values().stream()
                .collect(Collectors.toMap(v -> v.indicator().code(), v -> v));
        assertThat(values.get("T_MEETINGS").value()).isEqualByComparingTo("12");
        assertThat(values.get("T_MEETINGS").explanation()).isEqualTo("含专题会");
        assertThat(values.get("T_CASES").value()).isEqualByComparingTo("40");
        // the computed rate is shown, not given back as typed; a blank stays blank
        assertThat(values.get("T_RATE").value()).isNull();
        assertThat(values.get("T_BUDGET").value()).isNull();
        assertThat(content.narrative()).containsAllEntriesOf(narrative);
        assertThat(content.customFigures()).singleElement().satisfies(f -> {
            assertThat(f.sectionCode()).isEqualTo("T_SECTION");
            assertThat(f.content().name()).isEqualTo("法治培训人次");
            assertThat(f.content().value()).isEqualByComparingTo("1200");
        });
    }

    @Test
    void aCellChangedAsAClerkWouldIsReadAndAMalformedOneIsNamedBySheetRowAndColumn() throws IOException {
        byte[] form = ReportWorkbookWriter.write(emptyReport());
        int meetingsRow = ReportWorkbookLayout.TABLE_HEADER_ROW + 1;

        byte[] typed = edit(
                form,
                book -> book.getSheet(ReportWorkbookLayout.VALUES_SHEET)
                        .getRow(meetingsRow)
                        .createCell(ReportWorkbookLayout.VALUE)
                        .setCellValue("2,664"));
        assertThat(read(typed, "530101", 2024).values())
                .filteredOn(v -> v.indicator().code().equals("T_MEETINGS"))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualByComparingTo("2664"));

        byte[] malformed = edit(form, book -> {
            Sheet values = book.getSheet(ReportWorkbookLayout.VALUES_SHEET);
            values.getRow(meetingsRow).createCell(ReportWorkbookLayout.VALUE).setCellValue("五十九");
            values.getRow(meetingsRow + 1)
                    .createCell(ReportWorkbookLayout.VALUE)
                    .setCellValue(2.5);
        });
        assertThat(read(malformed, "530101", 2024).problems())
                .extracting(ImportProblem::sheet, ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(
                        tuple("指标", meetingsRow + 1, "F", "value.notANumber"),
                        tuple("指标", meetingsRow + 2, "F", "value.countNotWhole"));
    }

    @Test
    void aFormOfAnotherCountyOrYearIsRefusedAtItsHeaderCell() throws IOException {
        byte[] form = ReportWorkbookWriter.write(emptyReport());
        assertThat(read(form, "530102", 2024).problems())
                .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(tuple(1, "B", "excel.otherCounty"));
        assertThat(read(form, "530101", 2025).problems())
                .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::messageKey)
                .containsExactly(tuple(3, "B", "excel.otherYear"));
    }

    private ReportExport emptyReport() {
        return new ReportExport(
                "530101",
                "测试县",
                2024,
                1,
                List.of(
                        row(MEETINGS, null, null, null),
                        row(CASES, null, null, null),
                        row(CLOSED, null, null, null),
                        row(RATE, null, null, ComputedRate.of(null, null)),
                        row(BUDGET, null, null, null)),
                Map.of(),
                List.of(),
                List.of("测试板块"),
                null);
    }

    private ReportWorkbookReader.Content read(byte[] workbook, String county, int year) throws IOException {
        Path file = Files.write(dir.resolve("upload-" + System.nanoTime() + ".xlsx"), workbook);
        return ReportWorkbookReader.read(file, CATALOG, county, year);
    }

    private static ReportExport.Row row(
            IndicatorDef indicator, BigDecimal lastYear, ValueEntry entry, ComputedRate rate) {
        return new ReportExport.Row(indicator, "测试板块", lastYear, entry, rate);
    }

    private static ValueEntry typed(String value, String explanation) {
        return new ValueEntry(new BigDecimal(value), ValueSource.TYPED, explanation);
    }

    private static IndicatorDef indicator(
            String code, int position, IndicatorKind kind, String numerator, String denominator) {
        return new IndicatorDef(
                code,
                "T_SECTION",
                position,
                "指标" + code,
                "Indicator " + code,
                kind == IndicatorKind.RATE ? "%" : "个",
                kind,
                Direction.UP,
                numerator,
                denominator,
                null,
                null,
                null,
                2020,
                null,
                false);
    }
}
