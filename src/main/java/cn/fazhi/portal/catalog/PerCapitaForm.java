package cn.fazhi.portal.catalog;

/**
 * Whether an indicator is compared per 10,000 residents (按每万常住人口比较): a checkbox, sent as
 * "true" (or a browser's default "on") when ticked and not at all otherwise.
 */
record PerCapitaForm(String perCapita) {

    boolean ticked() {
        String typed = perCapita == null ? "" : perCapita.strip();
        return "true".equalsIgnoreCase(typed) || "on".equalsIgnoreCase(typed);
    }
}
