package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.internal.FindingDetails;
import cn.fazhi.portal.inspection.internal.FindingSeverity;
import cn.fazhi.portal.inspection.internal.FindingStatus;
import cn.fazhi.portal.inspection.internal.InspectionDetails;
import cn.fazhi.portal.inspection.internal.InspectionKind;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Every step of an inspection finding over HTTP, by role and scope: recording, editing, the
 * county's reply, sending back, accepting; and the steps refused. The county is 红塔区 (530402)
 * of 玉溪市 (530400).
 */
@PortalTest
class InspectionLifecycleTests {

    static final String COUNTY = "530402";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    InspectionService inspections;

    @Autowired
    AuditService audit;

    @Autowired
    ReportingCalendar calendar;

    PortalUser reviewer;
    PortalUser provinceReviewer;
    PortalUser otherReviewer;
    PortalUser clerk;
    PortalUser otherClerk;
    PortalUser admin;
    InspectionHttp http;

    @BeforeEach
    void users() {
        reviewer = TestUsers.user(accounts, "insp-reviewer-yuxi", Role.REVIEWER, "530400");
        provinceReviewer = TestUsers.demo(accounts, "demo-reviewer");
        otherReviewer = TestUsers.user(accounts, "insp-reviewer-baoshan", Role.REVIEWER, "530500");
        clerk = TestUsers.user(accounts, "insp-clerk-hongta", Role.COUNTY_STAFF, COUNTY);
        otherClerk = TestUsers.user(accounts, "insp-clerk-jiangchuan", Role.COUNTY_STAFF, "530403");
        admin = TestUsers.demo(accounts, "demo-admin");
        http = new InspectionHttp(mvc);
    }

    private FindingDetails finding(long id) {
        return inspections.finding(id, admin.toViewer(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aReviewerInScopeRecordsAnInspectionAndItsFindings() {
        long inspection = http.record(reviewer, COUNTY, "玉溪市委依法治市办");
        long finding = http.addFinding(
                reviewer, inspection, "行政处罚案卷缺少法制审核意见", calendar.today().plusDays(30));
        assertThat(mvc.get().uri("/inspections/" + inspection).with(user(reviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("红塔区 专项督察", "玉溪市委依法治市办", "行政处罚案卷缺少法制审核意见", "还剩 30 天", "待整改");
        // the section and indicator come from the catalogue; an indicator brings its section
        assertThat(mvc.post()
                        .uri("/findings/" + finding + "/edit")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("description", "行政处罚案卷缺少法制审核意见")
                        .param("severity", "SEVERE")
                        .param("section", "")
                        .param("indicator", "ENF_CERTIFIED")
                        .param("deadline", calendar.today().plusDays(20).toString())
                        .param("version", "0"))
                .hasStatus(HttpStatus.FOUND);
        FindingDetails edited = finding(finding);
        assertThat(edited.row().severity()).isEqualTo(FindingSeverity.SEVERE);
        assertThat(edited.row().indicatorCode()).isEqualTo("ENF_CERTIFIED");
        assertThat(edited.row().sectionCode()).isNotNull();
        assertThat(auditActions(finding)).containsExactly("FINDING_UPDATED", "FINDING_ADDED");
        // the inspection itself is edited with its version; a stale page is a conflict
        assertThat(mvc.post()
                        .uri("/inspections/" + inspection + "/edit")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("county", COUNTY)
                        .param("kind", "ON_SITE")
                        .param("year", "2026")
                        .param("startedOn", "2026-05-10")
                        .param("inspectingBody", "玉溪市委依法治市办督察组")
                        .param("version", "0"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/inspections/" + inspection + "/edit")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("county", COUNTY)
                        .param("kind", "ON_SITE")
                        .param("year", "2026")
                        .param("startedOn", "2026-05-10")
                        .param("inspectingBody", "旧页面")
                        .param("version", "0"))
                .hasStatus(HttpStatus.CONFLICT);
        InspectionDetails details = inspections.inspection(inspection, admin.toViewer(), Locale.SIMPLIFIED_CHINESE);
        assertThat(details.kind()).isEqualTo(InspectionKind.ON_SITE);
        assertThat(details.inspectingBody()).isEqualTo("玉溪市委依法治市办督察组");
        assertThat(audit.historyOf("Inspection", Long.toString(inspection)))
                .extracting(AuditEntry::action)
                .containsExactly("INSPECTION_UPDATED", "INSPECTION_RECORDED");
        // a province reviewer covers the county too
        assertThat(http.record(provinceReviewer, COUNTY, "云南省委依法治省办")).isPositive();
    }

    @Test
    void badInputIsShownBackWithWhatWasTyped() {
        assertThat(mvc.post()
                        .uri("/inspections")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("county", COUNTY)
                        .param("kind", "SPECIAL")
                        .param("year", "二〇二六")
                        .param("startedOn", "2026-02-30")
                        .param("endedOn", "")
                        .param("inspectingBody", "")
                        .param("inspectors", "王五"))
                .hasStatusOk()
                .bodyText()
                .contains("年度须为 2000 至 2100 之间的四位数字", "请填写督察机关", "value=\"二〇二六\"", "value=\"王五\"");
        assertThat(mvc.post()
                        .uri("/inspections")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("county", COUNTY)
                        .param("kind", "SPECIAL")
                        .param("year", "2026")
                        .param("startedOn", "2026-02-30")
                        .param("inspectingBody", "市依法治市办"))
                .hasStatusOk()
                .bodyText()
                .contains("请按 年-月-日 填写一个存在的日期", "value=\"2026-02-30\"");
        assertThat(mvc.post()
                        .uri("/inspections")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("county", COUNTY)
                        .param("kind", "SPECIAL")
                        .param("year", "2026")
                        .param("startedOn", "2026-05-10")
                        .param("endedOn", "2026-05-01")
                        .param("inspectingBody", "市依法治市办"))
                .hasStatusOk()
                .bodyText()
                .contains("结束日期不能早于开始日期");
        long inspection = http.record(reviewer, COUNTY, "玉溪市司法局");
        assertThat(mvc.post()
                        .uri("/inspections/" + inspection + "/findings")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("description", "   ")
                        .param("severity", "MINOR")
                        .param("section", "LEADERSHIP")
                        .param("indicator", "ENF_CERTIFIED")
                        .param("deadline", "2026-13-01"))
                .hasStatusOk()
                .bodyText()
                .contains("请填写问题描述", "请按 年-月-日 填写一个存在的日期", "value=\"2026-13-01\"");
        assertThat(mvc.post()
                        .uri("/inspections/" + inspection + "/findings")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("description", "问题")
                        .param("severity", "MINOR")
                        .param("section", "LEADERSHIP")
                        .param("indicator", "ENF_CERTIFIED")
                        .param("deadline", "2026-12-01"))
                .hasStatusOk()
                .bodyText()
                .contains("所选指标不属于所选板块");
    }

    @Test
    void onlyAReviewerInScopeRecords() {
        // a reviewer of another prefecture picks a county outside their scope: refused at the field
        assertThat(mvc.post()
                        .uri("/inspections")
                        .with(csrf())
                        .with(user(otherReviewer))
                        .param("county", COUNTY)
                        .param("kind", "ON_SITE")
                        .param("year", "2026")
                        .param("startedOn", "2026-05-10")
                        .param("inspectingBody", "保山市委依法治市办"))
                .hasStatusOk()
                .bodyText()
                .contains("该县不在您的管辖范围内");
        for (PortalUser notReviewer : List.of(clerk, admin)) {
            assertThat(mvc.post()
                            .uri("/inspections")
                            .with(csrf())
                            .with(user(notReviewer))
                            .param("county", COUNTY)
                            .param("kind", "ON_SITE")
                            .param("year", "2026")
                            .param("startedOn", "2026-05-10")
                            .param("inspectingBody", "x"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post().uri("/inspections").with(csrf()).param("county", COUNTY))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");

        long inspection = http.record(reviewer, COUNTY, "玉溪市委依法治市办");
        String add = "/inspections/" + inspection + "/findings";
        // those who cannot see the county's inspections get 404, those who can but may not record get 403
        assertThat(mvc.post()
                        .uri(add)
                        .with(csrf())
                        .with(user(otherReviewer))
                        .param("description", "x")
                        .param("severity", "MINOR")
                        .param("deadline", "2026-12-01"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri(add)
                        .with(csrf())
                        .with(user(otherClerk))
                        .param("description", "x")
                        .param("severity", "MINOR")
                        .param("deadline", "2026-12-01"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri(add)
                        .with(csrf())
                        .with(user(clerk))
                        .param("description", "x")
                        .param("severity", "MINOR")
                        .param("deadline", "2026-12-01"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri(add)
                        .with(csrf())
                        .with(user(admin))
                        .param("description", "x")
                        .param("severity", "MINOR")
                        .param("deadline", "2026-12-01"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/inspections/" + inspection + "/edit")
                        .with(csrf())
                        .with(user(clerk))
                        .param("county", COUNTY))
                .hasStatus(HttpStatus.FORBIDDEN);
        // without the CSRF token nothing is recorded
        assertThat(mvc.post()
                        .uri(add)
                        .with(user(reviewer))
                        .param("description", "x")
                        .param("severity", "MINOR")
                        .param("deadline", "2026-12-01"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(inspections
                        .inspection(inspection, admin.toViewer(), Locale.SIMPLIFIED_CHINESE)
                        .findings())
                .isEmpty();
    }

    @Test
    void theClerkRepliesTheReviewerSendsItBackThenAcceptsAndTheFindingIsClosedForGood() {
        long inspection = http.record(reviewer, COUNTY, "玉溪市委依法治市办");
        long id = http.addFinding(
                reviewer, inspection, "重大行政决策未经合法性审查", calendar.today().plusDays(10));
        String today = calendar.today().toString();

        // nothing to accept or send back before the county replied
        assertThat(http.accept(reviewer, id, 0)).hasStatus(HttpStatus.CONFLICT);
        assertThat(http.sendBack(reviewer, id, 0, "请整改")).hasStatus(HttpStatus.CONFLICT);
        // only the county's own clerk replies
        assertThat(http.reply(otherClerk, id, 0, "x", today)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(http.reply(reviewer, id, 0, "x", today)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(http.reply(admin, id, 0, "x", today)).hasStatus(HttpStatus.FORBIDDEN);
        // a reply needs its text and a finishing date not after today; what was typed stays
        assertThat(http.reply(
                        clerk, id, 0, "已组织合法性审查", calendar.today().plusDays(1).toString()))
                .hasStatusOk()
                .bodyText()
                .contains("整改完成日期不能晚于今天", "已组织合法性审查");
        assertThat(http.reply(clerk, id, 0, "", today)).hasStatusOk().bodyText().contains("请填写采取的整改措施和结果");

        assertThat(http.reply(clerk, id, 0, "已组织合法性审查，补正决策程序", today)).hasStatus(HttpStatus.FOUND);
        FindingDetails replied = finding(id);
        assertThat(replied.row().status()).isEqualTo(FindingStatus.RECTIFYING);
        assertThat(replied.row().awaitingReview()).isTrue();
        assertThat(replied.row().rectifiedOn()).isEqualTo(calendar.today());

        // only a reviewer in scope decides; a stale page is a conflict
        assertThat(http.accept(clerk, id, replied.version())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(http.accept(otherReviewer, id, replied.version())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(http.accept(admin, id, replied.version())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(http.accept(reviewer, id, replied.version() - 1)).hasStatus(HttpStatus.CONFLICT);
        // sending back needs a comment
        assertThat(http.sendBack(reviewer, id, replied.version(), " "))
                .hasStatusOk()
                .bodyText()
                .contains("退回时必须填写意见");

        assertThat(http.sendBack(reviewer, id, replied.version(), "请附上审查意见书")).hasStatus(HttpStatus.FOUND);
        FindingDetails returned = finding(id);
        assertThat(returned.row().status()).isEqualTo(FindingStatus.RECTIFYING);
        assertThat(returned.row().awaitingReview()).isFalse();
        assertThat(returned.reviewComment()).isEqualTo("请附上审查意见书");
        assertThat(mvc.get().uri("/findings/" + id).with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("请附上审查意见书", "重新填写整改情况");
        // nothing new to decide on until the county replies again
        assertThat(http.accept(reviewer, id, returned.version())).hasStatus(HttpStatus.CONFLICT);

        assertThat(http.reply(clerk, id, returned.version(), "已补充审查意见书", today)).hasStatus(HttpStatus.FOUND);
        assertThat(http.accept(reviewer, id, finding(id).version())).hasStatus(HttpStatus.FOUND);
        FindingDetails closed = finding(id);
        assertThat(closed.row().status()).isEqualTo(FindingStatus.CLOSED);
        assertThat(closed.row().acceptedAt()).isNotNull();

        // closed is read-only, whatever the page offers: the finding refuses
        assertThat(http.reply(clerk, id, closed.version(), "再改", today)).hasStatus(HttpStatus.CONFLICT);
        assertThat(http.accept(reviewer, id, closed.version())).hasStatus(HttpStatus.CONFLICT);
        assertThat(http.sendBack(reviewer, id, closed.version(), "重来")).hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/findings/" + id + "/edit").with(user(reviewer)))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/findings/" + id + "/edit")
                        .with(csrf())
                        .with(user(reviewer))
                        .param("description", "改")
                        .param("severity", "MINOR")
                        .param("deadline", "2030-01-01")
                        .param("version", Integer.toString(closed.version())))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/findings/" + id).with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("已销号", "不能再修改")
                .doesNotContain("reply-form", "accept-form", "evidence-form");
        assertThat(finding(id).row().description()).isEqualTo("重大行政决策未经合法性审查");

        assertThat(auditActions(id))
                .containsExactly(
                        "FINDING_ACCEPTED", "FINDING_REPLIED", "FINDING_RETURNED", "FINDING_REPLIED", "FINDING_ADDED");
    }

    @Test
    void inspectionsAreReadByTheCountyReviewersInScopeAndAdministratorsOnly() {
        long inspection = http.record(reviewer, COUNTY, "玉溪市委依法治市办");
        long id = http.addFinding(
                reviewer, inspection, "执法公示不及时", calendar.today().plusDays(5));
        for (String page : List.of("/inspections/" + inspection, "/findings/" + id)) {
            for (PortalUser reader : List.of(clerk, reviewer, provinceReviewer, admin)) {
                assertThat(mvc.get().uri(page).with(user(reader)))
                        .as(page + " " + reader.getUsername())
                        .hasStatusOk();
            }
            assertThat(mvc.get().uri(page).with(user(otherClerk))).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri(page).with(user(otherReviewer))).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri(page))
                    .hasStatus(HttpStatus.FOUND)
                    .redirectedUrl()
                    .endsWith("/login");
        }
        assertThat(mvc.get().uri("/findings/999999999").with(user(admin))).hasStatus(HttpStatus.NOT_FOUND);
        // lists are scoped the same way
        assertThat(mvc.get().uri("/findings?county=" + COUNTY).with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("执法公示不及时");
        assertThat(mvc.get().uri("/findings").with(user(otherClerk)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("执法公示不及时");
        assertThat(mvc.get().uri("/findings?county=" + COUNTY).with(user(otherReviewer)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("执法公示不及时");
        assertThat(mvc.get().uri("/inspections").with(user(otherReviewer)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("/inspections/" + inspection + "\"");
        assertThat(mvc.get().uri("/inspections").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("/inspections/" + inspection + "\"");
    }

    @Test
    void theClerksHomeListsTheOpenFindingsWithDaysLeft() {
        long inspection = http.record(reviewer, COUNTY, "玉溪市委依法治市办");
        long id = http.addFinding(
                reviewer, inspection, "复议纠错意见未落实到位", calendar.today().plusDays(12));
        assertThat(mvc.get().uri("/").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("待整改的督察问题", "复议纠错意见未落实到位", "还剩 12 天", "/findings/" + id);
        assertThat(mvc.get().uri("/").with(user(otherClerk)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("复议纠错意见未落实到位");
    }

    private List<String> auditActions(long finding) {
        return audit.historyOf("InspectionFinding", Long.toString(finding)).stream()
                .map(AuditEntry::action)
                .toList();
    }
}
