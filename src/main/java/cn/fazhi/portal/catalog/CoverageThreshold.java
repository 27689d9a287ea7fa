package cn.fazhi.portal.catalog;

/**
 * The coverage threshold for ranking (排名覆盖率门槛): the share of a year's scored indicators a
 * county must report to be ranked on the dashboards. An administrator may set another per year
 * (table {@code scoring_setting}); this is the one of a year without.
 */
public final class CoverageThreshold {

    /** Two thirds, as PRODUCT.md ("Comparisons and scores") sets it. */
    public static final double DEFAULT = 2.0 / 3.0;

    private CoverageThreshold() {}
}
