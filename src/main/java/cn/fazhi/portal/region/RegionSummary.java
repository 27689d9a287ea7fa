package cn.fazhi.portal.region;

/** A division in the browser, with how many prefectures and county-level units lie under it. */
public record RegionSummary(String code, String name, RegionLevel level, long prefectures, long counties) {}
