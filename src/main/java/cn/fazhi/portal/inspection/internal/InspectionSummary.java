package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.region.RegionView;
import java.time.LocalDate;

/** An inspection in a list, with how many of its findings are still open and how many overdue. */
public record InspectionSummary(
        long id,
        RegionView county,
        int year,
        InspectionKind kind,
        LocalDate startedOn,
        String inspectingBody,
        int findings,
        int open,
        int overdue) {}
