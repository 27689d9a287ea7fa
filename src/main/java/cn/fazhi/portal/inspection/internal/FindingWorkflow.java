package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.InspectionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The rectification of a finding: the county's clerk replies (what was done, when) and attaches
 * evidence; a reviewer in scope accepts the reply, which closes the finding for good, or sends it
 * back with a comment. The finding refuses the steps its state does not allow; every step is audited.
 */
@Service
@Transactional
public class FindingWorkflow {

    /** More files than this on one finding is not evidence but an archive. */
    static final int MAX_FILES = 20;

    static final int MAX_NAME = 120;

    private final InspectionFindingRepository findings;
    private final FindingEvidenceRepository evidence;
    private final EvidenceChunks chunks;
    private final InspectionAccess access;
    private final ApplicationEventPublisher events;
    private final ReportingCalendar calendar;
    private final Clock clock;
    private final DataSize maxFileSize;
    private final TransactionTemplate transactions;

    FindingWorkflow(
            InspectionFindingRepository findings,
            FindingEvidenceRepository evidence,
            EvidenceChunks chunks,
            InspectionAccess access,
            ApplicationEventPublisher events,
            ReportingCalendar calendar,
            Clock clock,
            @Value("${portal.inspection.evidence-max-file-size:10MB}") DataSize maxFileSize,
            PlatformTransactionManager transactionManager) {
        this.findings = findings;
        this.evidence = evidence;
        this.chunks = chunks;
        this.access = access;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.maxFileSize = maxFileSize;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public void reply(long findingId, ReplyForm form, Viewer viewer) {
        InspectionFinding finding = find(findingId);
        access.requireClerkOf(finding.getInspection().getCountyCode(), viewer);
        InspectionConflictException.check(Objects.requireNonNullElse(form.version(), -1), finding.getVersion());
        LocalDate rectifiedOn = Dates.parse("rectifiedOn", form.rectifiedOn());
        if (rectifiedOn.isAfter(calendar.today())) {
            throw new InspectionInputException("rectifiedOn", "inspection.rectifiedOnFuture");
        }
        Map<String, Object> before = state(finding);
        finding.reply(form.reply().strip(), rectifiedOn, viewer.accountId(), clock.instant());
        events.publishEvent(new FindingReplied(findingId, before, state(finding)));
    }

    public void accept(long findingId, int version, Viewer viewer) {
        InspectionFinding finding = find(findingId);
        access.requireReviewerOf(finding.getInspection().getCountyCode(), viewer);
        InspectionConflictException.check(version, finding.getVersion());
        Map<String, Object> before = state(finding);
        finding.accept(viewer.accountId(), clock.instant());
        events.publishEvent(new FindingAccepted(findingId, before, state(finding)));
    }

    public void sendBack(long findingId, ReturnForm form, Viewer viewer) {
        InspectionFinding finding = find(findingId);
        access.requireReviewerOf(finding.getInspection().getCountyCode(), viewer);
        InspectionConflictException.check(Objects.requireNonNullElse(form.version(), -1), finding.getVersion());
        Map<String, Object> before = state(finding);
        finding.sendBack(form.comment().strip(), viewer.accountId(), clock.instant());
        events.publishEvent(new FindingReturned(findingId, before, state(finding)));
    }

    /**
     * Stores an evidence file of the county's clerk, after checking it: not empty, not over the
     * size limit, a plain file name (no path, nothing that disguises it), and a content that is a
     * PDF, a PNG or JPEG image or a Word or Excel document (a container within the unpacking
     * limits) whose kind the name's extension agrees with. The content is read from the stream
     * once, into a temporary file, and goes from there into the database a piece at a time.
     *
     * <p>The file is copied and checked outside any transaction (unpacking a container to count
     * it takes a moment, and should not hold a pooled connection meanwhile); who may attach it is
     * checked before, and again in the short transaction that stores it.
     *
     * @throws InspectionInputException on the field {@code file}, with the reason
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public long addEvidence(long findingId, String originalName, InputStream content, Viewer viewer) {
        transactions.executeWithoutResult(status -> openForEvidence(findingId, viewer));
        try (EvidenceUpload upload = EvidenceUpload.spool(content, maxFileSize.toBytes())) {
            String name = EvidenceNames.checked(originalName, MAX_NAME);
            EvidenceType type = EvidenceContent.typeOf(upload.file())
                    .orElseThrow(() -> new InspectionInputException("file", "inspection.evidenceType"));
            if (!type.fitsName(name)) {
                throw new InspectionInputException("file", "inspection.evidenceNameMismatch", type.name());
            }
            return transactions.execute(status -> store(findingId, name, type, upload, viewer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InspectionFinding openForEvidence(long findingId, Viewer viewer) {
        InspectionFinding finding = find(findingId);
        access.requireClerkOf(finding.getInspection().getCountyCode(), viewer);
        finding.requireOpenForEvidence();
        return finding;
    }

    private long store(long findingId, String name, EvidenceType type, EvidenceUpload upload, Viewer viewer) {
        // the finding may have been closed while the file was checked
        InspectionFinding finding = openForEvidence(findingId, viewer);
        if (evidence.listOf(findingId).size() >= MAX_FILES) {
            throw new InspectionInputException("file", "inspection.evidenceTooMany", MAX_FILES);
        }
        FindingEvidence stored = evidence.save(new FindingEvidence(
                finding, name, type, upload.size(), upload.sha256(), viewer.accountId(), clock.instant()));
        try {
            chunks.write(stored.getId(), upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("finding", findingId);
        after.put("fileName", name);
        after.put("type", type);
        after.put("size", upload.size());
        after.put("sha256", upload.sha256());
        events.publishEvent(new FindingEvidenceAdded(findingId, after));
        return stored.getId();
    }

    /** The evidence list of a finding, for those who may read it. */
    @Transactional(readOnly = true)
    public List<EvidenceView> evidenceOf(long findingId, Viewer viewer) {
        access.readable(find(findingId).getInspection().getCountyCode(), viewer);
        return evidence.listOf(findingId);
    }

    @Transactional(readOnly = true)
    public EvidenceFile download(long findingId, long evidenceId, Viewer viewer) {
        access.readable(find(findingId).getInspection().getCountyCode(), viewer);
        FindingEvidence file =
                evidence.findByIdAndFindingId(evidenceId, findingId).orElseThrow(InspectionService::notFound);
        return new EvidenceFile(
                file.getId(), file.getFileName(), file.getFileType(), file.getSizeBytes(), file.getSha256());
    }

    /** Refuses anyone but the county's own clerk before a form is even looked at. */
    @Transactional(readOnly = true)
    public void requireClerk(long findingId, Viewer viewer) {
        access.requireClerkOf(find(findingId).getInspection().getCountyCode(), viewer);
    }

    /** Refuses anyone but a reviewer in scope before a form is even looked at. */
    @Transactional(readOnly = true)
    public void requireReviewer(long findingId, Viewer viewer) {
        access.requireReviewerOf(find(findingId).getInspection().getCountyCode(), viewer);
    }

    public long maxFileSizeBytes() {
        return maxFileSize.toBytes();
    }

    private InspectionFinding find(long id) {
        return findings.findById(id).orElseThrow(InspectionService::notFound);
    }

    private static Map<String, Object> state(InspectionFinding f) {
        Map<String, Object> s = InspectionService.state(f);
        s.put("reply", f.getRectificationReply());
        s.put("rectifiedOn", Dates.format(f.getRectifiedOn()));
        s.put("reviewComment", f.getReviewComment());
        return s;
    }
}
