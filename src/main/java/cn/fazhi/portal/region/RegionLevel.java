package cn.fazhi.portal.region;

/** 行政区划级别: 省级, 地级, 县级. */
public enum RegionLevel {
    PROVINCE,
    PREFECTURE,
    COUNTY
}
