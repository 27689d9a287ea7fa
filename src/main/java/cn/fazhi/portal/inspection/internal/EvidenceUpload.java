package cn.fazhi.portal.inspection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded evidence file copied to a temporary file of its own, a buffer at a time, its SHA-256
 * and size worked out on the way: the checks read the head (and a container's directory) from
 * there, and the file goes into the database from there, so that no upload is held whole in
 * memory. Closing deletes the temporary file.
 */
public final class EvidenceUpload implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final long size;
    private final String sha256;

    private EvidenceUpload(Path file, long size, String sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Copies at most {@code maxBytes} of the stream (it is not closed).
     *
     * @throws InspectionInputException when the stream is missing or empty, or holds more than {@code maxBytes}
     */
    static EvidenceUpload spool(InputStream content, long maxBytes) {
        if (content == null) {
            throw new InspectionInputException("file", "inspection.evidenceEmpty");
        }
        Path file = null;
        try {
            file = Files.createTempFile("evidence", ".upload");
            MessageDigest digest = sha256Digest();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[BUFFER];
                for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                    size += read;
                    if (size > maxBytes) {
                        throw new InspectionInputException(
                                "file", "inspection.evidenceTooLarge", maxBytes / (1024 * 1024));
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new InspectionInputException("file", "inspection.evidenceEmpty");
            }
            return new EvidenceUpload(file, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
