package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.IndicatorKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How a figure is written: counts with thousands separators, amounts to two places, rates to one. */
final class FigureFormat {

    private FigureFormat() {}

    static String format(IndicatorKind kind, BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        return switch (kind) {
            case COUNT -> new DecimalFormat("#,##0", symbols).format(value);
            case AMOUNT -> new DecimalFormat("#,##0.##", symbols).format(value);
            case RATE -> new DecimalFormat("0.0", symbols).format(value.setScale(1, RoundingMode.HALF_UP));
        };
    }
}
