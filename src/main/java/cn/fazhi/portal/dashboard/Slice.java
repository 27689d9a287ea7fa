package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.ReportStatus;
import java.util.List;

/**
 * Which counties and reports a dashboard reads: the counties of an area (a province, a
 * prefecture, or the whole country when null), never outside the viewer's scope, and the report
 * statuses that count (approved, and submitted when the reviewer ticked "include submitted").
 *
 * @param scope the reviewer's province or prefecture, null for the whole country; applied in the
 *     SQL as well as when the area was chosen
 */
record Slice(RegionView area, String scope, int year, List<ReportStatus> statuses) {

    String areaCode() {
        return area == null ? null : area.code();
    }

    /** Whether a region is one of the slice's counties (what {@link #where} asks in SQL). */
    boolean contains(RegionView region) {
        return region.isCounty() && region.isWithin(areaCode()) && region.isWithin(scope);
    }

    /** The SQL condition on a region row {@code r} (the view region_area) for the counties of the area and the scope. */
    String where(String r) {
        String areaCondition = area == null
                ? "true"
                : area.level() == RegionLevel.PROVINCE ? r + ".province_code = :area" : r + ".prefecture_code = :area";
        String scopeCondition =
                scope == null ? "" : " and (" + r + ".province_code = :scope or " + r + ".prefecture_code = :scope)";
        return r + ".level = 'COUNTY' and " + areaCondition + scopeCondition;
    }

    /** A name for files: the year, the area (or "CN") and the statuses that count. */
    String fileTag() {
        return year + "-" + (area == null ? "CN" : area.code()) + "-"
                + (statuses.contains(ReportStatus.SUBMITTED) ? "approved+submitted" : "approved");
    }
}
