package cn.fazhi.portal.inspection;

/** An evidence file to download: its checked type decides the content type it is served with. */
public record EvidenceFile(String fileName, EvidenceType fileType, byte[] content) {
}
