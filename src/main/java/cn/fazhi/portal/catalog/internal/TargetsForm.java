package cn.fazhi.portal.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets of a year, all indicators at once: each indicator's operator and value keyed by its
 * code ({@code operators[CODE]}, {@code values[CODE]}; both blank: no target that year). A value's
 * refusal lands on {@code values[CODE]}.
 */
public record TargetsForm(String year, Map<String, String> operators, Map<String, String> values) {

    public TargetsForm {
        operators = operators == null ? Map.of() : operators;
        values = values == null ? Map.of() : values;
    }

    public static TargetsForm of(int year, List<CatalogAdminService.TargetRow> rows) {
        Map<String, String> operators = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        rows.forEach(r -> {
            operators.put(r.indicator().code(), r.operator());
            values.put(r.indicator().code(), r.value());
        });
        return new TargetsForm(Integer.toString(year), operators, values);
    }
}
