package cn.fazhi.portal.catalog;

import java.util.Locale;

/** A section as other features see it. */
public record SectionDef(String code, int position, String nameZh, String nameEn, String outlineRef) {

    public String name(Locale locale) {
        return Locales.pick(locale, nameZh, nameEn);
    }
}
