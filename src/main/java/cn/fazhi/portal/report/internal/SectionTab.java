package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.SectionDef;

/** A section of the report form with its progress. */
public record SectionTab(SectionDef section, long filled, long total, long errors, long warnings) {}
