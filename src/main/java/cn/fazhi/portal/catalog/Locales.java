package cn.fazhi.portal.catalog;

import java.util.Locale;

/** Catalogue texts exist in Chinese and (mostly) English; Chinese is the fallback. */
public final class Locales {

    private Locales() {}

    public static String pick(Locale locale, String zh, String en) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english && en != null && !en.isBlank() ? en : zh;
    }
}
