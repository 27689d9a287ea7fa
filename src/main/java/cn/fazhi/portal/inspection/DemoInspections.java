package cn.fazhi.portal.inspection;

import cn.fazhi.portal.config.DemoMode;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.internal.FindingSeverity;
import cn.fazhi.portal.inspection.internal.Inspection;
import cn.fazhi.portal.inspection.internal.InspectionFinding;
import cn.fazhi.portal.inspection.internal.InspectionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demonstration inspection of 泸西县 (532527), dated from the day it is loaded: one finding
 * accepted, one replied to and awaiting the reviewer, one still to rectify. Loaded once.
 */
@Component
@Profile("demo")
class DemoInspections implements ApplicationRunner {

    static final String COUNTY = "532527";
    static final String BODY = "红河州委全面依法治州委员会办公室（演示）";

    private final DemoMode demoMode;
    private final InspectionRepository inspections;
    private final ReportingCalendar calendar;
    private final Clock clock;

    DemoInspections(DemoMode demoMode, InspectionRepository inspections, ReportingCalendar calendar, Clock clock) {
        this.demoMode = demoMode;
        this.inspections = inspections;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled() || inspections.existsByCountyCodeAndInspectingBody(COUNTY, BODY)) {
            return;
        }
        LocalDate today = calendar.today();
        Instant now = clock.instant();
        Inspection inspection = new Inspection(
                COUNTY,
                today.getYear(),
                InspectionKind.COMPREHENSIVE,
                today.minusDays(40),
                today.minusDays(38),
                BODY,
                "（演示）督察组",
                "对泸西县法治政府建设情况开展综合督察，查阅行政执法案卷 30 卷，走访乡镇 2 个。",
                null,
                now);
        InspectionFinding accepted = inspection.addFinding(
                "部分行政执法案卷未附法制审核意见。", FindingSeverity.MODERATE, "ENFORCEMENT", null, today.minusDays(10));
        accepted.reply("已对 2023 年以来的案卷逐卷补正，建立法制审核台账。", today.minusDays(15), null, now);
        accepted.accept(null, now);
        inspection
                .addFinding("重大行政决策事项目录未向社会公开。", FindingSeverity.SEVERE, "DECISIONS", null, today.plusDays(20))
                .reply("已在县政府门户网站公开本年度重大行政决策事项目录。", today.minusDays(2), null, now);
        inspection.addFinding("乡镇合法性审查力量不足。", FindingSeverity.MINOR, "CAPACITY", null, today.plusDays(60));
        inspections.save(inspection);
    }
}
