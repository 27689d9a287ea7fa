package cn.fazhi.portal.report;

import java.io.IOException;
import java.io.InputStream;
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
    record Limits(long total, long sheetPart, long otherPart, long structurePart, int entries) {
    }

    private WorkbookZip() {
    }

    /**
     * The first limit the file breaks, or empty when it keeps them all.
     *
     * @throws IOException when the file is not a readable zip
     */
    static Optional<ImportProblem> check(Path file, Limits limits) throws IOException {
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
