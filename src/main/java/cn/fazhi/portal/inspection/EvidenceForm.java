package cn.fazhi.portal.inspection;

import cn.fazhi.portal.inspection.internal.FindingWorkflow;
import org.springframework.web.multipart.MultipartFile;

/**
 * An evidence file the county adds to a finding (佐证材料). Its size, type and the finding's count
 * are judged by {@link FindingWorkflow#addEvidence} as it reads the file, and refused on
 * {@code file}.
 *
 * @param file the uploaded part, null when none was sent
 */
record EvidenceForm(MultipartFile file) {}
