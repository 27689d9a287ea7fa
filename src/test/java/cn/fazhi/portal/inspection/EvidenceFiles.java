package cn.fazhi.portal.inspection;

import cn.fazhi.portal.inspection.internal.EvidenceContent;
import cn.fazhi.portal.inspection.internal.EvidenceType;
import cn.fazhi.portal.inspection.internal.EvidenceUpload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Files for the upload tests, made here rather than kept as binaries. */
final class EvidenceFiles {

    private EvidenceFiles() {}

    /** What {@link EvidenceContent} makes of the content, from a temporary file as an upload is. */
    static Optional<EvidenceType> typeOf(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("evidence-test", ".bin");
            Files.write(file, content);
            return EvidenceContent.typeOf(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            EvidenceUpload.deleteQuietly(file);
        }
    }

    /** What {@link EvidenceContent} makes of the content as a container. */
    static EvidenceContent.Container container(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("evidence-test", ".zip");
            Files.write(file, content);
            return EvidenceContent.container(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            EvidenceUpload.deleteQuietly(file);
        }
    }

    /** A small but complete PDF (one empty page) with a correct cross-reference table. */
    static byte[] pdf() {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        byte[] png = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        return png;
    }

    static byte[] jpeg() {
        byte[] jpeg = new byte[64];
        byte[] signature = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(signature, 0, jpeg, 0, signature.length);
        return jpeg;
    }

    /** An ELF executable's first bytes, as a Linux program starts. */
    static byte[] elf() {
        byte[] elf = new byte[128];
        elf[0] = 0x7F;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        Arrays.fill(elf, 4, 16, (byte) 1);
        return elf;
    }

    /** A Windows executable's first bytes (MZ, then the DOS stub's text). */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[128];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 64, stub.length);
        return exe;
    }

    static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("整改报告");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("整改台账").createRow(0).createCell(0).setCellValue("已整改");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xls() {
        try (HSSFWorkbook book = new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("整改台账").createRow(0).createCell(0).setCellValue("已整改");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OLE2 container with a Word stream, as a .doc file is (the stream's content is not looked at). */
    static byte[] doc() {
        return ole2With("WordDocument");
    }

    static byte[] ole2With(String stream) {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), stream);
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip that is no Office document: an OOXML signature without a Word or Excel main part. */
    static byte[] plainZip() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("run.sh"));
            zip.write("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * L4 of issue 16: a real workbook with one more entry of 500 MB of zeros, about 500 KB packed,
     * made once (packing takes a second or two).
     */
    static byte[] xlsxBomb() {
        return Bomb.XLSX;
    }

    private static final class Bomb {
        static final byte[] XLSX = withExtraEntry(xlsx(), "xl/media/image1.bin", 500L * 1024 * 1024);
    }

    /**
     * A workbook whose zip directory understates an entry: 20 MB of zeros declared as 1,000 bytes,
     * so that only unpacking shows what it holds.
     */
    static byte[] xlsxWithForgedDirectory() {
        String name = "xl/media/image1.bin";
        byte[] zip = withExtraEntry(xlsx(), name, 20L * 1024 * 1024);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < zip.length; i++) {
            // a central directory header: PK 1 2, the name's length at 28, the name at 46
            if (zip[i] == 'P'
                    && zip[i + 1] == 'K'
                    && zip[i + 2] == 1
                    && zip[i + 3] == 2
                    && littleEndian(zip, i + 28, 2) == nameBytes.length
                    && Arrays.equals(zip, i + 46, i + 46 + nameBytes.length, nameBytes, 0, nameBytes.length)) {
                // the unpacked size at 24
                zip[i + 24] = (byte) 0xE8;
                zip[i + 25] = 0x03;
                zip[i + 26] = 0;
                zip[i + 27] = 0;
                return zip;
            }
        }
        throw new IllegalStateException("no directory entry " + name);
    }

    /** A workbook with 1,001 more (tiny) entries than it needs. */
    static byte[] xlsxWithManyEntries() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            copyEntries(xlsx(), zip);
            for (int i = 0; i < 1001; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("xl/media/n" + i + ".txt"));
                zip.write('x');
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF's header followed by {@code size} bytes in all of pseudo-random content (seeded: the same each run). */
    static byte[] largePdf(int size) {
        byte[] pdf = new byte[size];
        new java.util.Random(16).nextBytes(pdf);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        return pdf;
    }

    private static byte[] withExtraEntry(byte[] zipped, String name, long zeros) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            copyEntries(zipped, zip);
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            byte[] block = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, zeros - written));
            }
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyEntries(byte[] zipped, java.util.zip.ZipOutputStream zip) throws IOException {
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipped))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
    }

    private static int littleEndian(byte[] bytes, int at, int length) {
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
