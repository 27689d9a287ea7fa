package cn.fazhi.portal.catalog.internal;

/**
 * Whether an indicator is compared per 10,000 residents (按每万常住人口比较): a checkbox, sent as
 * "true" (or a browser's default "on") when ticked and not at all otherwise.
 */
public record PerCapitaForm(String perCapita) {

    public boolean ticked() {
        String typed = perCapita == null ? "" : perCapita.strip();
        return "true".equalsIgnoreCase(typed) || "on".equalsIgnoreCase(typed);
    }
}
