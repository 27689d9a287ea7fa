package cn.fazhi.portal.catalog;

import java.util.Locale;

/**
 * An indicator as other features see it, with the target that applies in the catalogue's year.
 *
 * @param numeratorCode with {@code denominatorCode}, the parts of a computed rate; null otherwise
 * @param target the year's target, or null
 */
public record IndicatorDef(String code, String sectionCode, int position, String nameZh, String nameEn,
        String unit, IndicatorKind kind, Direction direction, String numeratorCode, String denominatorCode,
        Target target, String definitionZh, String definitionEn, int firstYear, Integer lastYear) {

    /** A rate computed from its parts whenever both are entered. */
    public boolean isComputed() {
        return numeratorCode != null && denominatorCode != null;
    }

    public String name(Locale locale) {
        return Locales.pick(locale, nameZh, nameEn);
    }

    public String definition(Locale locale) {
        return Locales.pick(locale, definitionZh, definitionEn);
    }

    public boolean isValidIn(int year) {
        return firstYear <= year && (lastYear == null || lastYear >= year);
    }
}
