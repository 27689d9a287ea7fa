package cn.fazhi.portal.region;

/**
 * A division as other features see it.
 *
 * @param provinceCode the province it lies in (itself for a province)
 * @param prefectureCode the prefecture it lies in, null for a province and for the counties of a
 *     directly-administered municipality
 */
public record RegionView(
        String code, String name, RegionLevel level, String parentCode, String provinceCode, String prefectureCode) {

    public boolean isCounty() {
        return level == RegionLevel.COUNTY;
    }

    /**
     * The area a county is grouped under in lists and counts: its prefecture, or its province for a
     * county directly under one (省直辖县, the districts of a municipality).
     */
    public String groupCode() {
        return prefectureCode != null ? prefectureCode : provinceCode;
    }

    /**
     * Whether this region lies within {@code scopeCode}: the region itself, its prefecture or its
     * province. A null scope is the whole country.
     */
    public boolean isWithin(String scopeCode) {
        return scopeCode == null
                || scopeCode.equals(code)
                || scopeCode.equals(provinceCode)
                || scopeCode.equals(prefectureCode);
    }
}
