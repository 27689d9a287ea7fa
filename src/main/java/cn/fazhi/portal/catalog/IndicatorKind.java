package cn.fazhi.portal.catalog;

/** What a value of an indicator is: a count (integer ≥ 0), an amount (decimal ≥ 0) or a percentage (0–100). */
public enum IndicatorKind {
    COUNT,
    AMOUNT,
    RATE
}
