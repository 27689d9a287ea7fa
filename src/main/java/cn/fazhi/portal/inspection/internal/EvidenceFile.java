package cn.fazhi.portal.inspection.internal;

/**
 * An evidence file to download, without its content (written out a piece at a time by
 * {@link EvidenceChunks#copyTo}): its checked type decides the content type it is served with.
 */
public record EvidenceFile(long id, String fileName, EvidenceType fileType, long sizeBytes, String sha256) {}
