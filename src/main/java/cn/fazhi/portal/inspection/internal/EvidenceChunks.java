package cn.fazhi.portal.inspection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The content of evidence files, kept in pieces of {@link #CHUNK} bytes ({@code finding_evidence_chunk}):
 * a file goes in and comes out a piece at a time, so that a portal serving many downloads of large
 * files at once holds one piece per download, never whole files.
 *
 * <p>Reading is deliberately outside any transaction: each piece is one short query on a connection
 * borrowed from the pool and returned at once, so that a download to a slow client holds no
 * connection while it waits on the network. A file is never changed once stored, and the database
 * checks at commit that its pieces are whole.
 */
@Component
public class EvidenceChunks {

    /** The largest piece (the table's check says the same). */
    public static final int CHUNK = 256 * 1024;

    private final JdbcTemplate jdbc;

    EvidenceChunks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the file's content, read a piece at a time; in the caller's transaction. */
    void write(long evidenceId, Path file) throws IOException {
        byte[] piece = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int seq = 0;
            for (int read = in.readNBytes(piece, 0, CHUNK); read > 0; read = in.readNBytes(piece, 0, CHUNK)) {
                byte[] bytes = read == CHUNK ? piece : Arrays.copyOf(piece, read);
                jdbc.update(
                        "insert into finding_evidence_chunk (evidence_id, seq, bytes) values (?, ?, ?)",
                        evidenceId,
                        seq++,
                        bytes);
            }
        }
    }

    /**
     * Writes the file's content to {@code out}, a piece at a time, each piece read by its own query.
     * The file comes from {@link FindingWorkflow#download}, which checked that the viewer may read it.
     *
     * @throws IllegalStateException when a piece is missing (the file was deleted meanwhile)
     */
    public void copyTo(EvidenceFile file, OutputStream out) throws IOException {
        long evidenceId = file.id();
        long pieces = (file.sizeBytes() + CHUNK - 1) / CHUNK;
        for (int seq = 0; seq < pieces; seq++) {
            List<byte[]> piece = jdbc.query(
                    "select bytes from finding_evidence_chunk where evidence_id = ? and seq = ?",
                    (rs, row) -> rs.getBytes(1),
                    evidenceId,
                    seq);
            if (piece.isEmpty()) {
                throw new IllegalStateException("evidence " + evidenceId + " has no piece " + seq);
            }
            out.write(piece.get(0));
        }
        out.flush();
    }
}
