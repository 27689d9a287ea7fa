package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.Locales;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.region.RegionView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * 更正对照: what the correction published as version {@code to} changed against version
 * {@code from}. Public, like the versions themselves; the reason for reopening is not in it, only
 * the public note.
 */
public record VersionChanges(
        RegionView county,
        int year,
        int from,
        int to,
        Instant approvedAt,
        String publicNote,
        List<ValueChange> values,
        List<TextChange> texts) {

    /**
     * A figure whose published value changed, appeared or went away.
     *
     * @param indicatorCode the catalogue indicator, or null for a custom figure
     * @param before the value as version {@code from} published it, null or blank when it had none
     * @param after the value now, null or blank when it has none
     */
    public record ValueChange(
            SectionDef section,
            String indicatorCode,
            String nameZh,
            String nameEn,
            String unit,
            String before,
            String after) {

        public String name(Locale locale) {
            return Locales.pick(locale, nameZh, nameEn);
        }
    }

    /** A narrative part (by its form field name) whose text changed. */
    public record TextChange(String part, String before, String after) {}
}
