package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.internal.EvidenceType;
import cn.fazhi.portal.inspection.internal.EvidenceView;
import cn.fazhi.portal.inspection.internal.FindingWorkflow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Evidence files: judged by their content, their size and their name, refused with a message the
 * clerk understands; a good one comes back byte for byte, as an attachment of a safe type. The
 * county is 通海县 (530423).
 */
@PortalTest
class EvidenceUploadTests {

    static final String COUNTY = "530423";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    FindingWorkflow workflow;

    @Autowired
    ReportingCalendar calendar;

    @LocalServerPort
    int port;

    PortalUser reviewer;
    PortalUser clerk;
    long finding;

    @BeforeEach
    void aFindingToRectify() {
        reviewer = TestUsers.user(accounts, "evid-reviewer-yuxi", Role.REVIEWER, "530400");
        clerk = TestUsers.user(accounts, "evid-clerk-tonghai", Role.COUNTY_STAFF, COUNTY);
        InspectionHttp http = new InspectionHttp(mvc);
        finding = http.addFinding(
                reviewer,
                http.record(reviewer, COUNTY, "玉溪市委依法治市办"),
                "执法记录仪使用不规范",
                calendar.today().plusDays(15));
    }

    private MvcTestResult upload(PortalUser who, String name, byte[] content) {
        return mvc.post()
                .uri("/findings/" + finding + "/evidence")
                .multipart()
                .file(new MockMultipartFile("file", name, "application/pdf", content))
                .with(csrf())
                .with(user(who))
                .exchange();
    }

    private List<EvidenceView> stored() {
        return workflow.evidenceOf(finding, reviewer.toViewer());
    }

    @Test
    void aRealPdfIsAcceptedAndDownloadsByteForByteAsAnAttachment() {
        byte[] pdf = EvidenceFiles.pdf();
        assertThat(upload(clerk, "整改报告.pdf", pdf)).hasStatus(HttpStatus.FOUND);
        EvidenceView view = stored().get(0);
        assertThat(view.fileName()).isEqualTo("整改报告.pdf");
        assertThat(view.fileType()).isEqualTo(EvidenceType.PDF);
        assertThat(mvc.get().uri("/findings/" + finding).with(user(reviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("整改报告.pdf", "/findings/" + finding + "/evidence/" + view.id());

        MvcTestResult download = mvc.get()
                .uri("/findings/" + finding + "/evidence/" + view.id())
                .with(user(reviewer))
                .exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        // the county's clerk downloads it too; others do not see it
        assertThat(mvc.get()
                        .uri("/findings/" + finding + "/evidence/" + view.id())
                        .with(user(clerk)))
                .hasStatusOk();
        PortalUser otherClerk = TestUsers.user(accounts, "evid-clerk-jiangchuan", Role.COUNTY_STAFF, "530403");
        assertThat(mvc.get()
                        .uri("/findings/" + finding + "/evidence/" + view.id())
                        .with(user(otherClerk)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/findings/" + finding + "/evidence/" + (view.id() + 100000))
                        .with(user(clerk)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void officeFilesAndImagesAreAcceptedAndServedAsWhatTheyAre() {
        assertThat(upload(clerk, "台账.xlsx", EvidenceFiles.xlsx())).hasStatus(HttpStatus.FOUND);
        assertThat(upload(clerk, "现场照片.JPG", EvidenceFiles.jpeg())).hasStatus(HttpStatus.FOUND);
        assertThat(upload(clerk, "说明.docx", EvidenceFiles.docx())).hasStatus(HttpStatus.FOUND);
        assertThat(stored())
                .extracting(EvidenceView::fileType)
                .containsExactly(EvidenceType.XLSX, EvidenceType.JPEG, EvidenceType.DOCX);
        long jpeg = stored().get(1).id();
        assertThat(mvc.get()
                        .uri("/findings/" + finding + "/evidence/" + jpeg)
                        .with(user(clerk))
                        .exchange()
                        .getResponse()
                        .getContentType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void aRenamedExecutableIsRefused() {
        assertThat(upload(clerk, "整改报告.pdf", EvidenceFiles.elf()))
                .hasStatusOk()
                .bodyText()
                .contains("只能上传 PDF、PNG 或 JPEG 图片", "data-testid=\"evidence-error\"")
                // next to the file field, tied to it for screen readers
                .containsPattern(
                        "id=\"file\"[^>]*is-invalid[^>]*aria-describedby=\"file-error\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"file-error\"[^>]*>只能上传 PDF、PNG 或 JPEG 图片");
        assertThat(upload(clerk, "x.pdf", EvidenceFiles.windowsExecutable()))
                .hasStatusOk()
                .bodyText()
                .contains("该文件的内容不是其中任何一种，未上传");
        // a zip that is no Office document, named as one
        assertThat(upload(clerk, "x.docx", EvidenceFiles.plainZip()))
                .hasStatusOk()
                .bodyText()
                .contains("该文件的内容不是其中任何一种");
        // a real PDF under a name of another kind
        assertThat(upload(clerk, "x.png", EvidenceFiles.pdf()))
                .hasStatusOk()
                .bodyText()
                .contains("文件内容是 PDF，与文件名的扩展名不符");
        assertThat(stored()).isEmpty();
    }

    @Test
    void anOversizedFileIsRefused() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] pdf = EvidenceFiles.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        assertThat(upload(clerk, "扫描件.pdf", big)).hasStatusOk().bodyText().contains("文件超过 10 MB，未上传");
        assertThat(stored()).isEmpty();
    }

    /**
     * Through the real server: a file over the limit never reaches Spring Security's CSRF check
     * (which would answer a bare 413), it goes back to the finding with the message.
     */
    @Test
    void anOversizedFileGoesBackToTheFindingFromTheRealServer() throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = "username=" + clerk.getUsername() + "&password=" + TestUsers.PASSWORD + "&_csrf="
                + token(http.send(HttpRequest.newBuilder(url("/login")).build(), BodyHandlers.ofString())
                        .body());
        assertThat(http.send(
                                HttpRequest.newBuilder(url("/login"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(login))
                                        .build(),
                                BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(302);
        String page = "/findings/" + finding;
        String csrf = token(http.send(HttpRequest.newBuilder(url(page)).build(), BodyHandlers.ofString())
                .body());
        // over the evidence limit, and over the container's limit too
        for (int size : new int[] {10 * 1024 * 1024 + 1000, 12 * 1024 * 1024}) {
            String boundary = "----evidence-test-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                            + "\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"扫描件.pdf\"\r\n"
                            + "Content-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(EvidenceFiles.pdf());
            body.writeBytes(new byte[size]);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url(page + "/evidence"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%d bytes", size).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith(page));
            assertThat(http.send(HttpRequest.newBuilder(url(page)).build(), BodyHandlers.ofString())
                            .body())
                    .contains("文件太大，未上传")
                    // next to the file field, like the controller's refusals
                    .containsPattern("id=\"file-error\"[^>]*>文件太大，未上传");
        }
        assertThat(stored()).isEmpty();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(upload(clerk, "空.pdf", new byte[0])).hasStatusOk().bodyText().contains("空文件不能作为佐证材料");
        assertThat(mvc.post()
                        .uri("/findings/" + finding + "/evidence")
                        .multipart()
                        .with(csrf())
                        .with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("请选择要上传的文件");
        // a text where the file goes (no page sends that): the same message, never a 500
        assertThat(mvc.post()
                        .uri("/findings/" + finding + "/evidence")
                        .multipart()
                        .param("file", "not a file")
                        .with(csrf())
                        .with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .containsPattern("id=\"file-error\"[^>]*>请选择要上传的文件");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aFileNameWithAPathIsRefused() {
        assertThat(upload(clerk, "../../etc/passwd.pdf", EvidenceFiles.pdf()))
                .hasStatusOk()
                .bodyText()
                .contains("文件名不能包含路径");
        assertThat(upload(clerk, "..\\..\\windows\\win.ini.pdf", EvidenceFiles.pdf()))
                .hasStatusOk()
                .bodyText()
                .contains("文件名不能包含路径");
        assertThat(stored()).isEmpty();
    }

    @Test
    void onlyTheCountysClerkUploadsAndOnlyWhileTheFindingIsOpen() {
        PortalUser otherClerk = TestUsers.user(accounts, "evid-clerk-jiangchuan", Role.COUNTY_STAFF, "530403");
        assertThat(upload(reviewer, "a.pdf", EvidenceFiles.pdf())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(upload(otherClerk, "a.pdf", EvidenceFiles.pdf())).hasStatus(HttpStatus.NOT_FOUND);
        InspectionHttp http = new InspectionHttp(mvc);
        assertThat(http.reply(clerk, finding, 0, "已规范执法记录仪使用", calendar.today().toString()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(http.accept(reviewer, finding, 1)).hasStatus(HttpStatus.FOUND);
        assertThat(upload(clerk, "a.pdf", EvidenceFiles.pdf())).hasStatus(HttpStatus.CONFLICT);
        assertThat(stored()).isEmpty();
    }

    @Test
    void theEnglishPageSaysWhyInEnglish() {
        assertThat(mvc.post()
                        .uri("/findings/" + finding + "/evidence")
                        .multipart()
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", EvidenceFiles.elf()))
                        .with(csrf())
                        .with(user(clerk))
                        .locale(Locale.ENGLISH)
                        .cookie(new jakarta.servlet.http.Cookie("portal-lang", "en")))
                .hasStatusOk()
                .bodyText()
                .contains("Only PDF, PNG or JPEG images");
    }

    /** L4 of issue 16: 510 KB that unpack to 500 MB were accepted as a workbook. */
    @Test
    void aZipBombNamedAsAWorkbookIsRefusedWithAMessage() {
        assertThat(upload(clerk, "台账.xlsx", EvidenceFiles.xlsxBomb()))
                .hasStatusOk()
                .bodyText()
                .contains("解压后超过 100 MB", "压缩炸弹", "data-testid=\"evidence-error\"");
        assertThat(stored()).isEmpty();
    }

    /** Item 8 of issue 16: "x\u202Egnp.pdf" displays as "xfdp.png". */
    @Test
    void aNameWithARightToLeftOverrideIsRefused() {
        assertThat(upload(clerk, "x\u202Egnp.pdf", EvidenceFiles.pdf()))
                .hasStatusOk()
                .bodyText()
                .contains("不可见的格式字符", "U+202E");
        assertThat(upload(clerk, "整改\u200B报告.pdf", EvidenceFiles.pdf()))
                .hasStatusOk()
                .bodyText()
                .contains("不可见的格式字符");
        assertThat(stored()).isEmpty();
    }
}
