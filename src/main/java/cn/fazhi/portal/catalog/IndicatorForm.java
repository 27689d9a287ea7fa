package cn.fazhi.portal.catalog;

/**
 * A new indicator as the administrator types it (every field a string, so that whatever was typed
 * is shown back with its error).
 *
 * @param perCapita "true" when compared per 10,000 residents (按每万常住人口比较; a checkbox: absent
 *     when not ticked)
 */
public record IndicatorForm(String code, String sectionCode, String nameZh, String nameEn, String unit, String kind,
        String direction, String numeratorCode, String denominatorCode, String targetOperator, String targetValue,
        String definitionZh, String definitionEn, String firstYear, String perCapita) {

    public static IndicatorForm blank(int firstYear) {
        return new IndicatorForm("", "", "", "", "", "COUNT", "UP", "", "", "", "", "", "", Integer.toString(firstYear), "");
    }
}
