package cn.fazhi.portal.inspection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What an uploaded file is, judged by its content, never by its name, read from the temporary file
 * it was copied to. Apache POI (already here for the Excel forms) reads the leading bytes, and for
 * Office files looks inside: an OLE2 container must hold a Word or Excel stream, an OOXML package
 * must have a Word document or an Excel workbook as its main part (a macro-enabled one, or any
 * other zip, is not accepted).
 *
 * <p>A zip container (docx, xlsx) is first checked as a whole, since whoever opens it later unpacks
 * all of it: at most {@link #MAX_ENTRIES} entries, {@link #MAX_UNPACKED} bytes unpacked in all, and
 * no entry of more than {@link #RATIO_GRACE} bytes unpacked more than {@link #MAX_RATIO} times its
 * packed size (a zip bomb: 510 KB of zeros unpack to 500 MB). The sizes the zip's directory
 * declares are checked first, then each entry is unpacked into nothing, counting, since a forged
 * directory may understate them.
 */
public final class EvidenceContent {

    /** Far more than any Word or Excel file of a rectification report has (they have a few dozen). */
    static final int MAX_ENTRIES = 1000;
    /** Ten times the largest upload: real documents unpack to two to ten times their size. */
    static final long MAX_UNPACKED = 100L * 1024 * 1024;
    /** POI's own limit for an entry's ratio of unpacked to packed size. */
    static final long MAX_RATIO = 100;
    /** Small entries (styles, shared strings of a few rows) may pack better than that, harmlessly. */
    static final long RATIO_GRACE = 1024 * 1024;

    private static final int HEAD = 64;
    private static final String WORD_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String EXCEL_MAIN =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private EvidenceContent() {}

    /**
     * The file's kind, if it is one of ours.
     *
     * @throws InspectionInputException when it is a zip container too large or too many-fold unpacked
     */
    public static Optional<EvidenceType> typeOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        // every JPEG starts with a start-of-image marker and another marker; POI knows only some of
        // the segments that may follow (JFIF, Exif), and cameras and scanners write others
        if (head.length > 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(EvidenceType.JPEG);
        }
        return switch (FileMagic.valueOf(head)) {
            case PDF -> Optional.of(EvidenceType.PDF);
            case PNG -> Optional.of(EvidenceType.PNG);
            case OLE2 -> oldOffice(file);
            case OOXML -> officeOpenXml(file);
            default -> Optional.empty();
        };
    }

    /** Read from the file, which POI maps rather than loads: only the directory and its entry names are read. */
    private static Optional<EvidenceType> oldOffice(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return Optional.of(EvidenceType.DOC);
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return Optional.of(EvidenceType.XLS);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // not a readable OLE2 container, whatever its first bytes say
            return Optional.empty();
        }
    }

    private static Optional<EvidenceType> officeOpenXml(Path file) {
        switch (container(file)) {
            case TOO_LARGE ->
                throw new InspectionInputException(
                        "file", "inspection.evidenceUnpackedTooLarge", MAX_UNPACKED / (1024 * 1024), MAX_ENTRIES);
            case UNREADABLE -> {
                return Optional.empty();
            }
            case WITHIN_LIMITS -> {
                // on to its main part
            }
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
            if (main.size() != 1) {
                return Optional.empty();
            }
            PackagePart part = pkg.getPart(main.getRelationship(0));
            String type = part == null ? "" : part.getContentType();
            if (WORD_MAIN.equals(type)) {
                return Optional.of(EvidenceType.DOCX);
            }
            return EXCEL_MAIN.equals(type) ? Optional.of(EvidenceType.XLSX) : Optional.empty();
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            // not a readable package, or one POI refuses as hostile
            return Optional.empty();
        }
    }

    public enum Container {
        WITHIN_LIMITS,
        TOO_LARGE,
        UNREADABLE
    }

    /**
     * Whether the zip stays within the limits, by its directory and then by unpacking each entry
     * into a counter. One with an entry that cannot be unpacked is no Office file.
     */
    public static Container container(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return Container.TOO_LARGE;
            }
            long declared = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long size = Math.max(entry.getSize(), 0);
                declared += size;
                if (declared > MAX_UNPACKED || tooManyFold(size, entry.getCompressedSize())) {
                    return Container.TOO_LARGE;
                }
            }
            long unpacked = 0;
            byte[] sink = new byte[16 * 1024];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long entrySize = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int read = in.read(sink); read >= 0; read = in.read(sink)) {
                        entrySize += read;
                        unpacked += read;
                        if (unpacked > MAX_UNPACKED || tooManyFold(entrySize, entry.getCompressedSize())) {
                            return Container.TOO_LARGE;
                        }
                    }
                }
            }
            return Container.WITHIN_LIMITS;
        } catch (IOException | RuntimeException e) {
            // not a zip the JDK reads, or an entry that does not unpack
            return Container.UNREADABLE;
        }
    }

    private static boolean tooManyFold(long unpacked, long packed) {
        return unpacked > RATIO_GRACE && unpacked > MAX_RATIO * Math.max(packed, 1);
    }
}
