package cn.fazhi.portal.inspection;

/**
 * A county's findings not yet accepted, and how many of them are past their deadline, for the
 * status board and the county profile.
 *
 * @param open findings not CLOSED (OPEN or RECTIFYING, overdue ones included)
 * @param overdue those of them past their deadline
 */
public record FindingCounts(String countyCode, long open, long overdue) {

    public static FindingCounts none(String countyCode) {
        return new FindingCounts(countyCode, 0, 0);
    }
}
