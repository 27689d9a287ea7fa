package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.region.RegionView;
import java.time.LocalDate;
import java.util.List;

/** An inspection with its findings, and whether the viewer may change it (a reviewer in scope). */
public record InspectionDetails(
        long id,
        RegionView county,
        int year,
        InspectionKind kind,
        LocalDate startedOn,
        LocalDate endedOn,
        String inspectingBody,
        String inspectors,
        String summary,
        int version,
        List<FindingRow> findings,
        boolean mayEdit) {}
