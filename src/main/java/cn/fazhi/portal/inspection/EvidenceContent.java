package cn.fazhi.portal.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
 * What an uploaded file is, judged by its content, never by its name. Apache POI (already here for
 * the Excel forms) reads the leading bytes, and for Office files looks inside: an OLE2 container
 * must hold a Word or Excel stream, an OOXML package must have a Word document or an Excel
 * workbook as its main part (a macro-enabled one, or any other zip, is not accepted).
 */
final class EvidenceContent {

    private static final String WORD_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String EXCEL_MAIN =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private EvidenceContent() {
    }

    static Optional<EvidenceType> typeOf(byte[] content) {
        // every JPEG starts with a start-of-image marker and another marker; POI knows only some of
        // the segments that may follow (JFIF, Exif), and cameras and scanners write others
        if (content.length > 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
                && (content[2] & 0xFF) == 0xFF) {
            return Optional.of(EvidenceType.JPEG);
        }
        return switch (FileMagic.valueOf(content)) {
            case PDF -> Optional.of(EvidenceType.PDF);
            case PNG -> Optional.of(EvidenceType.PNG);
            case OLE2 -> oldOffice(content);
            case OOXML -> officeOpenXml(content);
            default -> Optional.empty();
        };
    }

    private static Optional<EvidenceType> oldOffice(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
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

    /** Opened from a temporary file, so that only the package's directory and main part are read. */
    private static Optional<EvidenceType> officeOpenXml(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("evidence", ".zip");
            Files.write(file, content);
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
            }
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            // not a readable package, or one POI refuses as hostile (a zip bomb, say)
            return Optional.empty();
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
