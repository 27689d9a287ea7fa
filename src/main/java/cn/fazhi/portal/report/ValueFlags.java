package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Values of a report that stand out among the county's peers (异常值提示), shown to reviewers beside
 * the value on the report's page. The dashboards compute them (they know the peer groups and the
 * population); the report module only asks, through this interface, so that it does not depend on
 * them. A flag is a hint for the review, never a refusal: nothing in the workflow reads it.
 */
public interface ValueFlags {

    /**
     * The flagged values of a county's report of a year by indicator code, as this viewer may see
     * them: empty for anyone who is not a reviewer of the county's area or an administrator.
     */
    Map<String, ValueFlag> flagsOf(String countyCode, int year, Viewer viewer);

    /**
     * @param perCapita whether the value was compared per 10,000 residents ({@code compared} and
     *     {@code peerMedian} are then per 10,000)
     * @param compared the value as compared
     * @param peerMedian the median of the peer group's values
     * @param z the modified z-score (Iglewicz–Hoaglin)
     * @param peers how many values the peer group had
     */
    record ValueFlag(boolean perCapita, BigDecimal compared, BigDecimal peerMedian, BigDecimal z, int peers) {}
}
