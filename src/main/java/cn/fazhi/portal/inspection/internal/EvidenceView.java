package cn.fazhi.portal.inspection.internal;

import java.time.Instant;

/** An evidence file as listed on its finding's page (without its content). */
public record EvidenceView(long id, String fileName, EvidenceType fileType, long sizeBytes, Instant uploadedAt) {}
