package cn.fazhi.portal.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate computed from its numerator and denominator, in percent. A zero denominator gives
 * "不适用" (not applicable), never 100 %; a missing part gives no rate at all.
 */
public record ComputedRate(Outcome outcome, BigDecimal percent) {

    public enum Outcome {
        /** both parts entered, denominator above zero */
        COMPUTED,
        /** the denominator is zero */
        NOT_APPLICABLE,
        /** a part is blank: the clerk may type the rate instead */
        MISSING_PART
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static ComputedRate of(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null) {
            return new ComputedRate(Outcome.MISSING_PART, null);
        }
        if (denominator.signum() == 0) {
            return new ComputedRate(Outcome.NOT_APPLICABLE, null);
        }
        return new ComputedRate(
                Outcome.COMPUTED, numerator.multiply(HUNDRED).divide(denominator, 4, RoundingMode.HALF_UP));
    }

    public boolean isComputed() {
        return outcome == Outcome.COMPUTED;
    }

    public boolean isNotApplicable() {
        return outcome == Outcome.NOT_APPLICABLE;
    }

    /**
     * Whether it can be stored as the indicator's value. A numerator above its denominator
     * gives more than 100 %: that is a validation error on the parts, and no rate is stored.
     */
    public boolean isStorable() {
        return isComputed() && percent.compareTo(HUNDRED) <= 0;
    }
}
