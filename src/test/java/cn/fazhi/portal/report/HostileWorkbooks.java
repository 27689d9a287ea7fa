package cn.fazhi.portal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Uploads as an attacker makes them (issue 16, H1), built from a downloaded form with plain
 * java.util.zip, so that building them costs the test little memory: extra worksheets that unpack
 * to tens of MB each, a values sheet of many rows, a zip lying about its sizes.
 */
final class HostileWorkbooks {

    private static final String WORKSHEET_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private static final String WORKSHEET_RELATION =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private static final String RELATIONSHIPS_NS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private HostileWorkbooks() {}

    /**
     * The form with {@code sheets} more worksheets (named Sheet4, Sheet5, …), each about
     * {@code bytesEach} of XML that compresses about 42:1 (under POI's 1:100 zip-bomb ratio).
     */
    static byte[] withExtraSheets(byte[] form, int sheets, long bytesEach) {
        Map<String, byte[]> parts = parts(form);
        StringBuilder sheetList = new StringBuilder();
        StringBuilder relations = new StringBuilder();
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < sheets; i++) {
            sheetList
                    .append("<sheet xmlns:r=\"")
                    .append(RELATIONSHIPS_NS)
                    .append("\" name=\"Sheet")
                    .append(i + 4)
                    .append("\" sheetId=\"")
                    .append(100 + i)
                    .append("\" r:id=\"rIdHostile")
                    .append(i)
                    .append("\"/>");
            relations
                    .append("<Relationship Id=\"rIdHostile")
                    .append(i)
                    .append("\" Type=\"")
                    .append(WORKSHEET_RELATION)
                    .append("\" Target=\"worksheets/hostile")
                    .append(i)
                    .append(".xml\"/>");
            types.append("<Override PartName=\"/xl/worksheets/hostile")
                    .append(i)
                    .append(".xml\" ContentType=\"")
                    .append(WORKSHEET_TYPE)
                    .append("\"/>");
        }
        insertBefore(parts, "xl/workbook.xml", "</sheets>", sheetList.toString());
        insertBefore(parts, "xl/_rels/workbook.xml.rels", "</Relationships>", relations.toString());
        insertBefore(parts, "[Content_Types].xml", "</Types>", types.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            write(zip, parts);
            Random random = new Random(16);
            for (int i = 0; i < sheets; i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/hostile" + i + ".xml"));
                Writer xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns="
                        + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                StringBuilder row = new StringBuilder();
                for (long written = 0; written < bytesEach; written += row.length()) {
                    row.setLength(0);
                    row.append("<row>");
                    for (int cell = 0; cell < 8; cell++) {
                        // mostly the same cell, one in twenty different: about 42:1 once deflated
                        row.append("<c><v>")
                                .append(random.nextInt(20) == 0 ? random.nextInt(1_000_000) : 7)
                                .append("</v></c>");
                    }
                    row.append("</row>");
                    xml.write(row.toString());
                }
                xml.write("</sheetData></worksheet>");
                xml.flush();
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The form with {@code rows} more rows of one number each at the end of its values sheet. */
    static byte[] withRows(byte[] form, int rows) {
        Map<String, byte[]> parts = parts(form);
        StringBuilder more = new StringBuilder(rows * 30);
        Random random = new Random(16);
        for (int i = 0; i < rows; i++) {
            more.append("<row><c><v>").append(random.nextInt(1_000_000)).append("</v></c></row>");
        }
        insertBefore(parts, "xl/worksheets/sheet1.xml", "</sheetData>", more.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            write(zip, parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The form with some XML added at the end of a sheet's data, e.g. a row. */
    static byte[] withSheetXml(byte[] form, String sheetPart, String xml) {
        Map<String, byte[]> parts = parts(form);
        insertBefore(parts, sheetPart, "</sheetData>", xml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            write(zip, parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The form with {@code count} more small parts, which no sheet refers to. */
    static byte[] withExtraParts(byte[] form, int count) {
        Map<String, byte[]> parts = parts(form);
        for (int i = 0; i < count; i++) {
            parts.put("customXml/item" + i + ".xml", "<a/>".getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            write(zip, parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same zip, its central directory claiming that no part unpacks to more than 1,000 bytes. */
    static byte[] lyingAboutSizes(byte[] zip) {
        byte[] lying = zip.clone();
        ByteBuffer bytes = ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= lying.length; at++) {
            if (bytes.getInt(at) == 0x02014b50) {
                // central directory file header: the uncompressed size at offset 24
                if (Integer.toUnsignedLong(bytes.getInt(at + 24)) > 1000) {
                    bytes.putInt(at + 24, 1000);
                }
            }
        }
        return lying;
    }

    private static Map<String, byte[]> parts(byte[] form) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(form))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static void insertBefore(Map<String, byte[]> parts, String part, String marker, String insert) {
        String xml = new String(parts.get(part), StandardCharsets.UTF_8);
        int at = xml.lastIndexOf(marker);
        if (at < 0) {
            throw new IllegalStateException(marker + " not in " + part);
        }
        parts.put(part, (xml.substring(0, at) + insert + xml.substring(at)).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ZipOutputStream zip, Map<String, byte[]> parts) throws IOException {
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            zip.putNextEntry(new ZipEntry(part.getKey()));
            zip.write(part.getValue());
            zip.closeEntry();
        }
    }
}
