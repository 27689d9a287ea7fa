package cn.fazhi.portal.account;

import cn.fazhi.portal.region.RegionSummary;
import java.util.List;

/** What the region picker of the account form offers for the province and prefecture chosen so far. */
record ScopeOptions(List<RegionSummary> provinces, List<RegionSummary> prefectures, List<RegionSummary> counties) {}
