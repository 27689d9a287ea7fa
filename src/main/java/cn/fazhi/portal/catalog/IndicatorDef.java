package cn.fazhi.portal.catalog;

import java.util.Locale;

/**
 * An indicator as other features see it, with the target that applies in the catalogue's year.
 *
 * @param numeratorCode with {@code denominatorCode}, the parts of a computed rate; null otherwise
 * @param target the year's target, or null
 * @param perCapita compared per 10,000 residents on the dashboards (按每万常住人口比较): a count or
 *     amount that grows with the number of residents
 */
public record IndicatorDef(
        String code,
        String sectionCode,
        int position,
        String nameZh,
        String nameEn,
        String unit,
        IndicatorKind kind,
        Direction direction,
        String numeratorCode,
        String denominatorCode,
        Target target,
        String definitionZh,
        String definitionEn,
        int firstYear,
        Integer lastYear,
        boolean perCapita) {

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
