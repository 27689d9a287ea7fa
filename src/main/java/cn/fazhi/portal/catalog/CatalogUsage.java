package cn.fazhi.portal.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the reports hold of the catalogue, asked by catalogue administration: the reports depend
 * on the catalogue, so they answer through this interface rather than the catalogue reading them.
 */
public interface CatalogUsage {

    /** How many values each indicator has in all reports, by indicator code (absent: none). */
    Map<String, Long> valueCounts();

    /** How many values of the indicator all reports hold. */
    long valueCount(String indicatorCode);

    /** How many values of the indicator reports of {@code fromYear} and later hold. */
    long valuesFrom(String indicatorCode, int fromYear);

    /** The approved reports of the years given that break the rule, county and year order. */
    List<RuleViolation> violations(RuleDef rule, int firstYear, Integer lastYear);

    /** An approved report that a rule would flag. */
    record RuleViolation(String countyCode, String countyName, int year, BigDecimal left, BigDecimal right) {}
}
