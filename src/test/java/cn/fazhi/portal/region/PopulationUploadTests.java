package cn.fazhi.portal.region;

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
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The administrator's population tables (常住人口表): a year's table uploaded as CSV, checked row by
 * row, written whole or not at all. The tables these tests write are of 2021, on counties of 新疆
 * (6543xx) that no other test compares, and are removed after each test: the dashboards take each
 * county's latest figure, and other tests expect the census's.
 */
@PortalTest
class PopulationUploadTests {

    private static final String YEAR = "2021";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void removeTheTablesOfThisTest() {
        jdbc.update("delete from region_population where census_year = " + YEAR);
    }

    @Test
    void aGoodTableBecomesItsYearsTableAndAnotherOfTheSameYearReplacesIt() throws Exception {
        PortalUser admin = admin();
        assertThat(mvc.get().uri("/admin/population").with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("第七次全国人口普查", "2,836", "普查数据，不可替换或删除");

        // a byte order mark, a column the upload does not read, a quoted figure with a thousands
        // separator, and a county left blank (no population: no row)
        String table = "\uFEFFregion_code,name,population\n"
                + "654326,吉木乃县,\"40,123\"\n"
                + "654325,青河县,65432\n"
                + "654324,哈巴河县,\n";
        assertThat(upload(admin, YEAR, "新疆统计年鉴 2022", table))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flash", "population.uploaded");
        assertThat(figures()).containsExactlyInAnyOrderEntriesOf(Map.of("654326", 40_123L, "654325", 65_432L));
        // the census keeps its rows; the dashboards' county takes the latest year's
        assertThat(jdbc.queryForObject("select count(*) from region_population where census_year = 2020", Long.class))
                .isEqualTo(2836);
        assertThat(mvc.get().uri("/admin/population").with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("新疆统计年鉴 2022", "id=\"table-2021\"");
        String csv = mvc.get()
                .uri("/admin/population.csv")
                .with(user(admin))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("\uFEFFregion_code,name,population,census_year,source")
                .contains(
                        "654326,吉木乃县,40123,2021,新疆统计年鉴 2022",
                        "654324,哈巴河县,82524,2020,第七次全国人口普查",
                        "532527,泸西县,389138,2020,第七次全国人口普查");

        // the same year again: the whole year's table is replaced, 654326 is no longer in it
        assertThat(upload(admin, YEAR, "新疆统计年鉴 2022（修订）", "region_code,population\n654325,65500\n"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(figures()).containsExactlyInAnyOrderEntriesOf(Map.of("654325", 65_500L));
        assertThat(audit.historyOf("PopulationTable", YEAR))
                .extracting(AuditEntry::action)
                .startsWith("POPULATION_UPLOADED", "POPULATION_UPLOADED");
        assertThat(audit.historyOf("PopulationTable", YEAR).get(0).afterState()).contains("\"rows\": 1", "sha256");

        // and an uploaded year can be removed, the census never
        assertThat(post(admin, "/admin/population/delete", Map.of("year", YEAR)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flash", "population.deleted");
        assertThat(figures()).isEmpty();
        assertThat(post(admin, "/admin/population/delete", Map.of("year", "2020")))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "population.censusKept");
        assertThat(jdbc.queryForObject("select count(*) from region_population where census_year = 2020", Long.class))
                .isEqualTo(2836);
    }

    @Test
    void aFileWithBadRowsListsEveryOneAndWritesNothing() {
        PortalUser admin = admin();
        assertThat(upload(admin, YEAR, "新疆统计年鉴 2022", "region_code,population\n654325,65432\n"))
                .hasStatus(HttpStatus.FOUND);
        String table = "region_code,population\n"
                + "654326,40123\n" // 2: good
                + "999999,100\n" // 3: no such division
                + "650000,25850000\n" // 4: a province
                + "654324,八万\n" // 5: not a number
                + "654323,-5\n" // 6: negative
                + "654322,1.5\n" // 7: not whole
                + "654321,0\n" // 8: zero
                + "654326,40124\n" // 9: twice
                + ",500\n" // 10: no code
                + "\n" // 11: an empty line is skipped
                + "654301,\"1,5\"\n"; // 12: a comma that separates no thousands
        MvcTestResult refused = upload(admin, YEAR, "新疆统计年鉴 2022（修订）", table);
        assertThat(refused)
                .hasStatusOk()
                .bodyText()
                .contains(
                        "请改正以下 9 处问题",
                        "第 3 行：",
                        "“999999”不是有效的区划代码",
                        "第 4 行：",
                        "650000（新疆维吾尔自治区）不是县级单位",
                        "第 5 行：",
                        "常住人口“八万”不是正整数",
                        "第 6 行：",
                        "常住人口“-5”不是正整数",
                        "第 7 行：",
                        "第 8 行：",
                        "第 9 行：",
                        "区划代码 654326 重复出现（第一次在第 2 行）",
                        "第 10 行：",
                        "缺少区划代码",
                        "第 12 行：",
                        "常住人口“1,5”不是正整数",
                        // what was typed stays in the form
                        "value=\"新疆统计年鉴 2022（修订）\"",
                        "value=\"2021\"")
                .doesNotContain("第 2 行：", "第 11 行：");
        assertThat(figures()).containsExactlyInAnyOrderEntriesOf(Map.of("654325", 65_432L));
        // in English too
        assertThat(mvc.post()
                        .uri("/admin/population")
                        .multipart()
                        .file(new MockMultipartFile(
                                "file", "population.csv", "text/csv", table.getBytes(StandardCharsets.UTF_8)))
                        .param("year", YEAR)
                        .param("source", "Xinjiang yearbook")
                        .cookie(new jakarta.servlet.http.Cookie("portal-lang", "en"))
                        .with(csrf())
                        .with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Correct these 9 problems",
                        "Line 3:",
                        "&quot;999999&quot; is not a valid division code",
                        "650000 (新疆维吾尔自治区) is not a county-level unit",
                        "Division code 654326 appears again (first on line 2)");

        // the census year, a year to come, no source: each said next to its field, nothing written
        assertThat(upload(admin, "2020", "", "region_code,population\n654325,1\n"))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"year-error\"", "第七次全国人口普查的年度", "id=\"source-error\"", "请填写数据来源", "请改正标出的项");
        assertThat(upload(admin, "2999", "来源", "region_code,population\n654325,1\n"))
                .hasStatusOk()
                .bodyText()
                .contains("请填写 2021 至");
        // a table in GBK, as Excel saves a CSV in China, a file without the columns, an empty file
        assertThat(upload(admin, YEAR, "来源", "region_code,population\n654325,1\n654324,哈巴河县\n", Charset.forName("GBK")))
                .hasStatusOk()
                .bodyText()
                .contains("不是 UTF-8 编码的文本");
        assertThat(upload(admin, YEAR, "来源", "code;residents\n654325;1\n"))
                .hasStatusOk()
                .bodyText()
                .contains("region_code 和 population");
        assertThat(upload(admin, YEAR, "来源", "")).hasStatusOk().bodyText().contains("上传的文件是空的");
        assertThat(post(admin, "/admin/population", Map.of("year", YEAR, "source", "来源")))
                .hasStatusOk()
                .bodyText()
                .contains("请选择要上传的 CSV 文件");
        assertThat(figures()).containsExactlyInAnyOrderEntriesOf(Map.of("654325", 65_432L));
    }

    @Test
    void onlyAnAdministratorSeesUploadsOrDownloadsTheTables() {
        for (PortalUser other :
                List.of(TestUsers.demo(accounts, "demo-clerk"), TestUsers.demo(accounts, "demo-reviewer"))) {
            assertThat(mvc.get().uri("/admin/population").with(user(other))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/admin/population.csv").with(user(other))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(upload(other, YEAR, "来源", "region_code,population\n654325,1\n"))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(post(other, "/admin/population/delete", Map.of("year", YEAR)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/admin/population"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
        assertThat(figures()).isEmpty();
    }

    @Test
    void anOversizedFileIsRefusedWithItsMessage() throws Exception {
        PortalUser admin = admin();
        // MockMvc skips the container: the service's own check answers
        String big = "region_code,population\n" + "654325,1\n".repeat(120_000);
        assertThat(upload(admin, YEAR, "来源", big)).hasStatusOk().bodyText().contains("文件超过 1 MB");

        // through the real server the filter sends it back to the page before anything reads it
        HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = "username=" + admin.getUsername() + "&password=" + TestUsers.PASSWORD + "&_csrf="
                + token(http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        assertThat(http.send(
                                HttpRequest.newBuilder(url("/login"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(login))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(302);
        String csrf = token(http.send(
                        HttpRequest.newBuilder(url("/admin/population")).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        for (int size : new int[] {2 * 1024 * 1024, 12 * 1024 * 1024}) {
            String boundary = "----population-test-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n" + YEAR
                            + "\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n"
                            + "Content-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(big.repeat(size / big.length() + 1).getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url("/admin/population"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%d bytes", size).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/population"));
            assertThat(http.send(
                                    HttpRequest.newBuilder(url("/admin/population"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("文件超过 1 MB", "id=\"population-form\"");
        }
        assertThat(figures()).isEmpty();
    }

    private PortalUser admin() {
        return TestUsers.user(accounts, "population-admin", Role.ADMIN, null);
    }

    private Map<String, Long> figures() {
        Map<String, Long> figures = new java.util.TreeMap<>();
        jdbc.query("select region_code, population from region_population where census_year = " + YEAR, rs -> {
            figures.put(rs.getString(1), rs.getLong(2));
        });
        return figures;
    }

    private MvcTestResult upload(PortalUser user, String year, String source, String csv) {
        return upload(user, year, source, csv, StandardCharsets.UTF_8);
    }

    private MvcTestResult upload(PortalUser user, String year, String source, String csv, Charset charset) {
        return mvc.post()
                .uri("/admin/population")
                .multipart()
                .file(new MockMultipartFile("file", "population.csv", "text/csv", csv.getBytes(charset)))
                .param("year", year)
                .param("source", source)
                .with(csrf())
                .with(user(user))
                .exchange();
    }

    private MvcTestResult post(PortalUser user, String url, Map<String, String> params) {
        var request = mvc.post().uri(url).with(csrf()).with(user(user));
        params.forEach(request::param);
        return request.exchange();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
