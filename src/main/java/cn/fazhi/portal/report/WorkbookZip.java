package cn.fazhi.portal.report;

import cn.fazhi.portal.report.internal.ImportProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The zip container of an uploaded .xlsx (工作簿压缩包), measured before POI opens it: how many
 * parts and how large each is once unpacked. A zip of a few MB can unpack to gigabytes; every part
 * POI or the import later reads is bounded here, so that no part of an upload is ever read beyond
 * the limits. Read with the same zip library as POI (Apache Commons Compress), so that both see the
 * same parts.
 */
final class WorkbookZip {

    /**
     * @param total all parts together, unpacked
     * @param sheetPart a worksheet or the shared strings (the parts that hold the form's content)
     * @param otherPart any other part (styles, theme, properties, drawing)
     * @param structurePart the package's structure ({@code [Content_Types].xml}, relationships),
     *     which POI reads whole on opening
     * @param entries the number of zip entries
     */
    record Limits(long total, long sheetPart, long otherPart, long structurePart, int entries) {}

    private WorkbookZip() {}

    /**
     * The first limit the file breaks, or empty when it keeps them all.
     *
     * @throws IOException when the file is not a readable zip
     */
    static Optional<ImportProblem> check(Path file, Limits limits) throws IOException {
        // the count the zip's last record declares, before the central directory is read into memory
        if (declaredEntries(file) > limits.entries()) {
            return Optional.of(ImportProblem.ofFile("excel.tooManyParts", limits.entries()));
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.entries()) {
                return Optional.of(ImportProblem.ofFile("excel.tooManyParts", limits.entries()));
            }
            // the sizes the file declares first: an honest bomb is refused without unpacking anything
            long declared = 0;
            for (ZipArchiveEntry entry : entries) {
                if (entry.getSize() > limitOf(entry.getName(), limits)) {
                    return Optional.of(partTooLarge(entry));
                }
                declared += Math.max(0, entry.getSize());
            }
            if (declared > limits.total()) {
                return Optional.of(tooLarge(limits));
            }
            // then what they really unpack to: the declared sizes are only the sender's word
            long unpacked = 0;
            byte[] buffer = new byte[16 * 1024];
            for (ZipArchiveEntry entry : entries) {
                long limit = limitOf(entry.getName(), limits);
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        size += read;
                        if (size > limit) {
                            return Optional.of(partTooLarge(entry));
                        }
                        if (unpacked + size > limits.total()) {
                            return Optional.of(tooLarge(limits));
                        }
                    }
                }
                unpacked += size;
            }
            return Optional.empty();
        }
    }

    /**
     * The number of entries the end-of-central-directory record gives, or -1 when there is none
     * to be found (the zip library decides then) or it leaves the count to a ZIP64 record.
     */
    private static int declaredEntries(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            // the record is 22 bytes, followed by a comment of at most 65,535
            int tail = (int) Math.min(channel.size(), 22 + 65_535);
            ByteBuffer bytes = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.position(channel.size() - tail);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // reads the whole tail
            }
            for (int at = tail - 22; at >= 0; at--) {
                if (bytes.getInt(at) == 0x06054b50) {
                    int count = Short.toUnsignedInt(bytes.getShort(at + 10));
                    return count == 0xFFFF ? -1 : count;
                }
            }
            return -1;
        }
    }

    private static long limitOf(String name, Limits limits) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".rels") || lower.equals("[content_types].xml")) {
            return limits.structurePart();
        }
        if (lower.startsWith("xl/worksheets/") || lower.contains("sharedstrings")) {
            return limits.sheetPart();
        }
        return limits.otherPart();
    }

    private static ImportProblem partTooLarge(ZipArchiveEntry entry) {
        String name = entry.getName();
        return ImportProblem.ofFile("excel.partTooLarge", name.length() > 80 ? name.substring(0, 80) + "…" : name);
    }

    private static ImportProblem tooLarge(Limits limits) {
        return ImportProblem.ofFile("excel.unpackedTooLarge", limits.total() / (1024 * 1024));
    }
}
