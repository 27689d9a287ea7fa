package cn.fazhi.portal.report.internal;

import java.math.BigDecimal;

/** A custom figure as a report's page shows it. */
public record CustomFigureView(long id, String sectionCode, String name, String unit, BigDecimal value, String note) {

    public static CustomFigureView of(CustomFigure figure) {
        return new CustomFigureView(
                figure.getId(),
                figure.getSectionCode(),
                figure.getName(),
                figure.getUnit(),
                figure.getValue(),
                figure.getNote());
    }

    /** With thousands separators and every decimal it has (a custom figure has no kind to round to). */
    public String display() {
        return new java.text.DecimalFormat(
                        "#,##0.####", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(value);
    }
}
