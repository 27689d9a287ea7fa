package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.internal.EvidenceChunks;
import cn.fazhi.portal.inspection.internal.EvidenceFile;
import cn.fazhi.portal.inspection.internal.EvidenceNames;
import cn.fazhi.portal.inspection.internal.EvidenceUpload;
import cn.fazhi.portal.inspection.internal.EvidenceView;
import cn.fazhi.portal.inspection.internal.FindingWorkflow;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.ttddyy.dsproxy.QueryCountHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Evidence files are kept in pieces and travel a piece at a time: a 10 MB file comes back byte for
 * byte with its SHA-256, a download reads each piece just before writing it, and the database
 * refuses a file that is not whole or a name that disguises itself. The county is 江城县 (530826).
 */
@PortalTest
class EvidenceStorageTests {

    static final String COUNTY = "530826";
    static final int TEN_MB = 10 * 1024 * 1024;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    FindingWorkflow workflow;

    @Autowired
    EvidenceChunks chunks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportingCalendar calendar;

    PortalUser reviewer;
    PortalUser clerk;
    long finding;

    @BeforeEach
    void aFindingToRectify() {
        reviewer = TestUsers.user(accounts, "evst-reviewer-puer", Role.REVIEWER, "530800");
        clerk = TestUsers.user(accounts, "evst-clerk-jiangcheng", Role.COUNTY_STAFF, COUNTY);
        InspectionHttp http = new InspectionHttp(mvc);
        finding = http.addFinding(
                reviewer,
                http.record(reviewer, COUNTY, "普洱市委依法治市办"),
                "行政执法公示不及时",
                calendar.today().plusDays(20));
    }

    @Test
    void aTenMegabyteFileRoundTripsByteForByteWithItsSha256() throws Exception {
        byte[] file = EvidenceFiles.largePdf(TEN_MB);
        String sha256 = sha256(file);
        assertThat(mvc.post()
                        .uri("/findings/" + finding + "/evidence")
                        .multipart()
                        .file(new MockMultipartFile("file", "扫描件.pdf", "application/pdf", file))
                        .with(csrf())
                        .with(user(clerk)))
                .hasStatus(HttpStatus.FOUND);
        EvidenceView view = workflow.evidenceOf(finding, reviewer.toViewer()).get(0);
        assertThat(view.sizeBytes()).isEqualTo(TEN_MB);
        assertThat(jdbc.queryForObject("select sha256 from finding_evidence where id = ?", String.class, view.id()))
                .isEqualTo(sha256);
        // forty full pieces
        assertThat(jdbc.queryForList(
                        "select octet_length(bytes) from finding_evidence_chunk where evidence_id = ?"
                                + " order by seq",
                        Integer.class,
                        view.id()))
                .hasSize(40)
                .containsOnly(EvidenceChunks.CHUNK);

        MvcTestResult download = mvc.get()
                .uri("/findings/" + finding + "/evidence/" + view.id())
                .with(user(reviewer))
                .exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(download.getResponse().getHeader("Content-Length")).isEqualTo(Integer.toString(TEN_MB));
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        byte[] body = download.getResponse().getContentAsByteArray();
        assertThat(sha256(body)).isEqualTo(sha256);
        assertThat(body).isEqualTo(file);
    }

    /**
     * What a download holds does not grow with the file: each write is at most one piece, and the
     * first piece is written after one query, before the next is read (a file loaded whole would
     * have run its queries, or its one query, before the first write).
     */
    @Test
    void aDownloadReadsAndWritesOnePieceAtATime() throws Exception {
        byte[] file = EvidenceFiles.largePdf(TEN_MB - 1000);
        long id = workflow.addEvidence(finding, "扫描件.pdf", new ByteArrayInputStream(file), clerk.toViewer());
        EvidenceFile evidence = workflow.download(finding, id, reviewer.toViewer());
        assertThat(evidence.sha256()).isEqualTo(sha256(file));

        RecordingStream out = new RecordingStream();
        QueryCountHolder.clear();
        chunks.copyTo(evidence, out);
        assertThat(out.total).isEqualTo(file.length);
        assertThat(out.largestWrite).isLessThanOrEqualTo(EvidenceChunks.CHUNK);
        assertThat(out.queriesBeforeWrite).hasSize(40).first().isEqualTo(1L);
        // the n-th piece written right after the n-th query
        assertThat(out.queriesBeforeWrite)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 40).mapToObj(Long::valueOf).toList());
        assertThat(HexFormat.of().formatHex(out.digest.digest())).isEqualTo(evidence.sha256());
    }

    @Test
    void theDatabaseRefusesAFileThatIsNotWhole() {
        long id = workflow.addEvidence(
                finding, "报告.pdf", new ByteArrayInputStream(EvidenceFiles.largePdf(600_000)), clerk.toViewer());
        assertThat(jdbc.queryForObject(
                        "select count(*) from finding_evidence_chunk where evidence_id = ?", Long.class, id))
                .isEqualTo(3);
        // a piece missing, one more, one too large
        assertThatThrownBy(
                        () -> jdbc.update("delete from finding_evidence_chunk where evidence_id = ? and seq = 1", id))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("is not whole");
        assertThatThrownBy(() -> jdbc.update(
                        "insert into finding_evidence_chunk (evidence_id, seq, bytes) values (?, 3, '\\x00'::bytea)",
                        id))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("is not whole");
        assertThatThrownBy(() -> jdbc.update(
                        "update finding_evidence_chunk set bytes = bytes || '\\x00'::bytea"
                                + " where evidence_id = ? and seq = 2",
                        id))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("is not whole");
        assertThatThrownBy(() -> jdbc.update(
                        "insert into finding_evidence_chunk (evidence_id, seq, bytes) values (?, 3, ?)",
                        id,
                        new byte[EvidenceChunks.CHUNK + 1]))
                .isInstanceOf(DataIntegrityViolationException.class);
        // a file without its pieces
        assertThatThrownBy(() -> jdbc.update("""
                insert into finding_evidence (finding_id, file_name, file_type, size_bytes, sha256, uploaded_by)
                values (?, 'a.pdf', 'PDF', 10, repeat('a', 64), ?)""", finding, clerk.getId()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("is not whole");
        assertThat(jdbc.queryForObject(
                        "select sum(octet_length(bytes)) from finding_evidence_chunk where evidence_id = ?",
                        Long.class,
                        id))
                .isEqualTo(600_000);
    }

    @Test
    void aFindingDeletedTakesItsFilesPiecesWithIt() {
        long id = workflow.addEvidence(
                finding, "报告.pdf", new ByteArrayInputStream(EvidenceFiles.largePdf(300_000)), clerk.toViewer());
        jdbc.update("delete from inspection_finding where id = ?", finding);
        assertThat(jdbc.queryForObject(
                        "select count(*) from finding_evidence_chunk where evidence_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void theDatabaseRefusesANameThatDisguisesItself() {
        long id = workflow.addEvidence(
                finding, "报告.pdf", new ByteArrayInputStream(EvidenceFiles.pdf()), clerk.toViewer());
        assertThatThrownBy(() ->
                        jdbc.update("update finding_evidence set file_name = ? where id = ?", "x\u202Egnp.pdf", id))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("finding_evidence_name_visible");
    }

    /** The database's list of such characters is the portal's: control, format (Cf), line and paragraph separators. */
    @Test
    void theDatabaseAndThePortalRefuseTheSameCharacters() {
        String definition = jdbc.queryForObject(
                "select pg_get_constraintdef(oid) from pg_constraint"
                        + " where conname = 'finding_evidence_name_visible'",
                String.class);
        String pattern = definition.substring(definition.indexOf('\'') + 1, definition.lastIndexOf('\''));
        List<Integer> refusedByDatabase = jdbc.queryForList("""
                select cp from generate_series(1, 1114111) cp
                where (cp < 55296 or cp > 57343) and chr(cp) ~ ? order by cp""", Integer.class, pattern);
        Set<Integer> refusedByPortal = IntStream.rangeClosed(1, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .filter(EvidenceNames::disguising)
                .boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(refusedByDatabase)
                .contains(0x202E, 0x200B, 0xFEFF, 0x0A, 0xE0041)
                .containsExactlyElementsOf(refusedByPortal);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Records the largest single write and how many statements had run before each write. */
    private static final class RecordingStream extends OutputStream {
        final MessageDigest digest = EvidenceUpload.sha256Digest();
        final List<Long> queriesBeforeWrite = new java.util.ArrayList<>();
        long total;
        int largestWrite;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            queriesBeforeWrite.add(QueryCountHolder.getGrandTotal().getTotal());
            largestWrite = Math.max(largestWrite, len);
            total += len;
            digest.update(b, off, len);
        }
    }
}
