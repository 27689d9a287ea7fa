package cn.fazhi.portal.catalog;

import java.util.Locale;

/** A validation rule: the value of {@code leftCode} must stand in {@code operator} to {@code rightCode}. */
public record RuleDef(
        String code,
        String leftCode,
        Comparison operator,
        String rightCode,
        Severity severity,
        String messageZh,
        String messageEn) {

    public String message(Locale locale) {
        return Locales.pick(locale, messageZh, messageEn);
    }
}
