package cn.fazhi.portal.report;

import cn.fazhi.portal.report.internal.ReportDocument;
import com.microsoft.schemas.vml.CTShape;
import com.microsoft.schemas.vml.CTShapetype;
import com.microsoft.schemas.vml.CTTextPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The annual report as a Word file (.docx), laid out after GB/T 9704《党政机关公文格式》: A4 with
 * margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right); the title in 方正小标宋简体
 * 二号, the text in 仿宋_GB2312 三号 with a fixed line pitch of 28.95 pt (22 lines to the page), headings
 * in 黑体 and 楷体; the page number in the footer as "— 1 —"; and, like the print view, the county
 * and year at the head of every page. Fonts are named, not embedded: Word substitutes its own 仿宋 or
 * 宋体 where a name is missing, and every run names its East Asian font so that the substitution picks
 * a Chinese face.
 */
final class ReportDocxWriter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体_GB2312";
    /** GB/T 9704 writes the page number in 4号半角宋体. */
    static final String PAGE_NUMBER_FONT = "宋体";

    /** 二号, 三号, 小四, 五号 in points. */
    private static final double TITLE_SIZE = 22;

    private static final double BODY_SIZE = 16;
    private static final double TABLE_SIZE = 12;
    private static final double SMALL_SIZE = 10.5;
    private static final double PAGE_NUMBER_SIZE = 14;
    /** 22 lines on the 225 mm high text block. */
    private static final double LINE_PITCH = 28.95;
    /** Two characters of 三号 text: the first line's indent. */
    private static final int INDENT = twips(2 * BODY_SIZE);
    /** Rules in eighths of a point: half a point. */
    private static final int RULE = 4;

    private static final String BLACK = "000000";
    /** The appendix table's columns (indicator, unit, value, last year, target) in fiftieths of a percent. */
    private static final int[] COLUMN_WIDTHS = {2150, 550, 800, 800, 700};

    private ReportDocxWriter() {}

    static byte[] write(ReportDocument document) {
        try (XWPFDocument docx = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            docx.getProperties().getCoreProperties().setTitle(document.title());
            docx.getProperties().getCoreProperties().setCreator(document.signature());
            defaultFonts(docx);
            page(docx);
            header(docx, document);
            footer(docx);
            body(docx, document);
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            // the document is written to memory: nothing here reads or writes a file
            throw new UncheckedIOException(e);
        }
    }

    /** What a paragraph without its own fonts falls back to: the body's 仿宋. */
    private static void defaultFonts(XWPFDocument docx) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(BODY_FONT);
        fonts.setHAnsi(BODY_FONT);
        fonts.setEastAsia(BODY_FONT);
        fonts.setCs(BODY_FONT);
        docx.createStyles().setDefaultFonts(fonts);
    }

    private static void page(XWPFDocument docx) {
        CTSectPr section = docx.getDocument().getBody().isSetSectPr()
                ? docx.getDocument().getBody().getSectPr()
                : docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(millimetres(210)));
        size.setH(BigInteger.valueOf(millimetres(297)));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(millimetres(37)));
        margins.setBottom(BigInteger.valueOf(millimetres(35)));
        margins.setLeft(BigInteger.valueOf(millimetres(28)));
        margins.setRight(BigInteger.valueOf(millimetres(26)));
        // the running head in the top margin; the page number 7 mm below the text block
        margins.setHeader(BigInteger.valueOf(millimetres(15)));
        margins.setFooter(BigInteger.valueOf(millimetres(22)));
        margins.setGutter(BigInteger.ZERO);
    }

    /**
     * The county and year on every page; while the report is a draft, 草稿 beside them and across the
     * page as a watermark (POI's, a VML text shape that Word draws behind the text of every page).
     */
    private static void header(XWPFDocument docx, ReportDocument document) {
        XWPFParagraph head;
        if (document.draft()) {
            XWPFHeaderFooterPolicy policy = docx.createHeaderFooterPolicy();
            policy.createWatermark(document.draftMark());
            for (STHdrFtr.Enum type : List.of(STHdrFtr.DEFAULT, STHdrFtr.FIRST, STHdrFtr.EVEN)) {
                greyWatermark(policy.getHeader(type));
            }
            // the watermark's paragraph in the page header carries the running head too
            head = policy.getDefaultHeader().getParagraphs().get(0);
        } else {
            head = docx.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        }
        head.setAlignment(ParagraphAlignment.CENTER);
        head.setBorderBottom(Borders.SINGLE);
        rule(head.getCTP().getPPr().getPBdr().getBottom());
        run(head, document.runningHead(), BODY_FONT, SMALL_SIZE);
        if (document.draft()) {
            run(head, "\u3000", BODY_FONT, SMALL_SIZE);
            run(head, document.draftMark(), HEADING_FONT, SMALL_SIZE).setBold(true);
        }
    }

    /**
     * POI draws its watermark in solid black, in Cambria, level, and with a mistyped coordinate
     * size; Word's own "草稿" watermark is half-transparent silver, turned 45 degrees, in a font
     * with Chinese glyphs. This makes POI's shape that one.
     */
    private static void greyWatermark(XWPFHeader header) {
        if (header == null) {
            return;
        }
        String vml = "declare namespace v='urn:schemas-microsoft-com:vml' ";
        for (XmlObject found : header._getHdrFtr().selectPath(vml + ".//v:shapetype")) {
            ((CTShapetype) found).setCoordsize("21600,21600");
        }
        for (XmlObject found : header._getHdrFtr().selectPath(vml + ".//v:shape")) {
            CTShape shape = (CTShape) found;
            shape.setStyle(shape.getStyle() + ";rotation:315");
            shape.setFillcolor("silver");
            shape.addNewFill().setOpacity(".5");
            for (CTTextPath text : shape.getTextpathList()) {
                text.setStyle("font-family:\"" + HEADING_FONT + "\";font-size:1pt");
            }
        }
    }

    /** "— 1 —": the page number as a PAGE field, so that Word numbers every page. */
    private static void footer(XWPFDocument docx) {
        XWPFFooter footer = docx.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph line = footer.createParagraph();
        line.setAlignment(ParagraphAlignment.CENTER);
        run(line, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
        run(line, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
                .getCTR()
                .addNewFldChar()
                .setFldCharType(STFldCharType.BEGIN);
        run(line, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
                .getCTR()
                .addNewInstrText()
                .setStringValue(" PAGE ");
        run(line, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
                .getCTR()
                .addNewFldChar()
                .setFldCharType(STFldCharType.SEPARATE);
        run(line, "1", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
        run(line, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
                .getCTR()
                .addNewFldChar()
                .setFldCharType(STFldCharType.END);
        run(line, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
    }

    private static void body(XWPFDocument docx, ReportDocument document) {
        XWPFParagraph title = docx.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBetween(LINE_PITCH, LineSpacingRule.EXACT);
        title.setSpacingAfter(twips(LINE_PITCH));
        run(title, document.title(), TITLE_FONT, TITLE_SIZE);
        if (document.draft()) {
            XWPFParagraph note = docx.createParagraph();
            note.setAlignment(ParagraphAlignment.CENTER);
            note.setBorderTop(Borders.SINGLE);
            note.setBorderBottom(Borders.SINGLE);
            rule(note.getCTP().getPPr().getPBdr().getTop());
            rule(note.getCTP().getPPr().getPBdr().getBottom());
            note.setSpacingAfter(twips(LINE_PITCH / 2));
            run(note, document.draftNote(), HEADING_FONT, BODY_SIZE).setBold(true);
        }
        if (document.versionNote() != null) {
            XWPFParagraph note = docx.createParagraph();
            note.setAlignment(ParagraphAlignment.CENTER);
            note.setSpacingAfter(twips(LINE_PITCH / 2));
            run(note, document.versionNote(), HEADING_FONT, BODY_SIZE);
        }
        for (ReportDocument.Part part : document.parts()) {
            heading(docx, part.heading(), HEADING_FONT);
            part.paragraphs().forEach(text -> text(docx, text));
            if (part.id().equals("measures") && !document.keyFigures().isEmpty()) {
                text(docx, document.keyFiguresLead());
                document.keyFigures().forEach(sentence -> text(docx, sentence));
            }
        }
        signature(docx, document);
        appendix(docx, document);
        XWPFParagraph source = docx.createParagraph();
        source.setSpacingBefore(twips(LINE_PITCH));
        run(source, document.source(), BODY_FONT, SMALL_SIZE);
    }

    /** The signing government and the date, right-aligned four characters in from the margin, two lines down. */
    private static void signature(XWPFDocument docx, ReportDocument document) {
        XWPFParagraph name = docx.createParagraph();
        name.setAlignment(ParagraphAlignment.RIGHT);
        name.setIndentationRight(2 * INDENT);
        name.setSpacingBetween(LINE_PITCH, LineSpacingRule.EXACT);
        name.setSpacingBefore(twips(2 * LINE_PITCH));
        run(name, document.signature(), BODY_FONT, BODY_SIZE);
        if (document.approvedOn() != null) {
            XWPFParagraph date = docx.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            date.setIndentationRight(2 * INDENT);
            date.setSpacingBetween(LINE_PITCH, LineSpacingRule.EXACT);
            run(date, document.approvedOn(), BODY_FONT, BODY_SIZE);
        }
    }

    /** On a page of its own: every reported figure by section, in a table whose head repeats on each page. */
    private static void appendix(XWPFDocument docx, ReportDocument document) {
        XWPFParagraph heading = heading(docx, document.appendixTitle(), HEADING_FONT);
        heading.setPageBreak(true);
        for (ReportDocument.AppendixSection section : document.appendix()) {
            heading(docx, section.name(), SUBHEADING_FONT).setKeepNext(true);
            List<ReportDocument.AppendixRow> rows = section.rows();
            XWPFTable table = docx.createTable(rows.size() + 1, COLUMN_WIDTHS.length);
            table.setWidth("100%");
            table.setWidthType(TableWidthType.PCT);
            rule(table);
            XWPFTableRow head = table.getRow(0);
            head.setRepeatHeader(true);
            head.setCantSplitRow(true);
            for (int c = 0; c < COLUMN_WIDTHS.length; c++) {
                cell(head.getCell(c), document.appendixColumns().get(c), c, HEADING_FONT);
            }
            for (int r = 0; r < rows.size(); r++) {
                ReportDocument.AppendixRow row = rows.get(r);
                XWPFTableRow line = table.getRow(r + 1);
                line.setCantSplitRow(true);
                List<String> values = Arrays.asList(row.name(), row.unit(), row.value(), row.lastYear(), row.target());
                for (int c = 0; c < values.size(); c++) {
                    cell(line.getCell(c), values.get(c), c, BODY_FONT);
                }
            }
            // a little air between a table and the next section's name
            docx.createParagraph().setSpacingAfter(0);
        }
    }

    /**
     * Half-point black rules all round, and the column grid in twips besides the widths in percent:
     * Word lays the table out by the percentages, other programs by the grid.
     */
    private static void rule(XWPFTable table) {
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, RULE, 0, BLACK);
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, RULE, 0, BLACK);
        table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, RULE, 0, BLACK);
        table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, RULE, 0, BLACK);
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, RULE, 0, BLACK);
        table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, RULE, 0, BLACK);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        int textWidth = millimetres(210 - 28 - 26);
        for (int width : COLUMN_WIDTHS) {
            grid.addNewGridCol().setW(BigInteger.valueOf((long) textWidth * width / 5000));
        }
    }

    /** A half-point black rule above or below a paragraph. */
    private static void rule(CTBorder border) {
        border.setSz(BigInteger.valueOf(RULE));
        border.setColor(BLACK);
        border.setSpace(BigInteger.ONE);
    }

    private static void cell(XWPFTableCell cell, String text, int column, String font) {
        cell.setWidth(COLUMN_WIDTHS[column] / 50 + "%");
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        // the value and last year's are numbers: right-aligned to compare at a glance
        paragraph.setAlignment(column == 2 || column == 3 ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        paragraph.setSpacingBetween(1.0);
        paragraph.setSpacingAfter(0);
        run(paragraph, text == null ? "" : text, font, TABLE_SIZE);
    }

    private static XWPFParagraph heading(XWPFDocument docx, String text, String font) {
        XWPFParagraph heading = docx.createParagraph();
        heading.setSpacingBetween(LINE_PITCH, LineSpacingRule.EXACT);
        heading.setIndentationFirstLine(INDENT);
        heading.setKeepNext(true);
        run(heading, text, font, BODY_SIZE);
        return heading;
    }

    private static void text(XWPFDocument docx, String text) {
        XWPFParagraph paragraph = docx.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setSpacingBetween(LINE_PITCH, LineSpacingRule.EXACT);
        paragraph.setIndentationFirstLine(INDENT);
        run(paragraph, text, BODY_FONT, BODY_SIZE);
    }

    /** A run in a named font, for Latin and East Asian text alike. */
    private static XWPFRun run(XWPFParagraph paragraph, String text, String font, double size) {
        XWPFRun run = paragraph.createRun();
        for (FontCharRange range :
                List.of(FontCharRange.ascii, FontCharRange.hAnsi, FontCharRange.eastAsia, FontCharRange.cs)) {
            run.setFontFamily(font, range);
        }
        run.setFontSize(size);
        if (!text.isEmpty()) {
            run.setText(text);
        }
        return run;
    }

    private static int millimetres(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    private static int twips(double points) {
        return (int) Math.round(points * 20);
    }
}
