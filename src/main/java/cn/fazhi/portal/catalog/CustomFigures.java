package cn.fazhi.portal.catalog;

import cn.fazhi.portal.account.Viewer;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The counties' custom figures (其他数据) as the catalogue's candidates need them. The figures live
 * in the annual reports, and the report module depends on the catalogue (a report is entered
 * against a year's catalogue): so the catalogue says here what it needs and the report module
 * provides it, rather than the catalogue reading the reports' tables or depending back on them.
 */
public interface CustomFigures {

    /** A spelling of a name in one unit, with the counties and years that use it and how many figures. */
    record NameUse(String name, String unit, Set<String> counties, Set<Integer> years, long figures) {}

    /**
     * A figure of a report, with what its report says of taking it as a value of an indicator.
     *
     * @param reportHasValue the report already has a value of the indicator
     * @param fitsKind the figure's value is a valid value of the indicator's kind
     */
    record Figure(
            long id,
            long reportId,
            String countyCode,
            String countyName,
            int year,
            String name,
            String unit,
            BigDecimal value,
            boolean reportHasValue,
            boolean fitsKind) {}

    /** Every name in use with its unit. */
    List<NameUse> nameUses();

    /** The figures with one of the names, judged against the indicator (stored or only described). */
    List<Figure> named(Collection<String> names, IndicatorDef indicator);

    /**
     * Moves the figures into values of the indicator, each with its history (the value's history
     * goes back to the figure it was); the figures are then no longer custom figures.
     */
    void moveInto(Collection<Figure> figures, IndicatorDef indicator, Viewer viewer);
}
