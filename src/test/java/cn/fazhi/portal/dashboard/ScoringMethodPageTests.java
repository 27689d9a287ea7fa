package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The method page (/dashboards/scoring) states the numbers the code computes with: each parameter
 * of its table is compared with the constant of CompositeIndex or PeerGroups, and its steps carry
 * the same numbers; the worked example is computed from the data by the same code.
 */
@PortalTest
class ScoringMethodPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePagesNumbersAreTheCodesConstants() throws Exception {
        Document page = page("/dashboards/scoring");
        assertThat(parameter(page, "MIN_REPORTING")).isEqualTo(Integer.toString(CompositeIndex.MIN_REPORTING));
        assertThat(parameter(page, "CLIP"))
                .isEqualTo(percent(CompositeIndex.Clip.P5_95.tail) + "–" + percent(1 - CompositeIndex.Clip.P5_95.tail));
        assertThat(parameter(page, "ALTERNATIVE_CLIP"))
                .isEqualTo(percent(CompositeIndex.Clip.P1_99.tail) + "–" + percent(1 - CompositeIndex.Clip.P1_99.tail));
        assertThat(parameter(page, "PER_CAPITA_UNIT")).isEqualTo(String.format("%.0f", CompositeIndex.PER_CAPITA_UNIT));
        assertThat(parameter(page, "COVERAGE_THRESHOLD"))
                .isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100 * CompositeIndex.DEFAULT_COVERAGE_THRESHOLD));
        assertThat(parameter(page, "DRAWS")).isEqualTo(Integer.toString(CompositeIndex.DRAWS));
        assertThat(parameter(page, "SEED")).isEqualTo(Long.toString(CompositeIndex.SEED));
        assertThat(parameter(page, "WEIGHT_CONCENTRATION"))
                .isEqualTo(String.format("%.0f", CompositeIndex.WEIGHT_CONCENTRATION));
        assertThat(parameter(page, "Z_LIMIT")).isEqualTo(String.format(Locale.ROOT, "%.1f", PeerGroups.Z_LIMIT));
        assertThat(parameter(page, "MIN_UNITS")).isEqualTo(String.format("%.0f", PeerGroups.MIN_UNITS));
        assertThat(parameter(page, "MIN_PEERS")).isEqualTo(Integer.toString(PeerGroups.MIN_PEERS));
        assertThat(parameter(page, "NO_CHANGE_BAND"))
                .isEqualTo(String.format(Locale.ROOT, "%.2f", CompositeIndex.NO_CHANGE_BAND));
        assertThat(parameter(page, "POPULATION_SOURCE")).contains("第七次全国人口普查", "（2020）");

        // the steps say the same numbers
        String steps = page.select("#scoring-steps").text();
        assertThat(steps)
                .contains(
                        "第 5 至第 95 百分位",
                        "少于 " + CompositeIndex.MIN_REPORTING + " 个",
                        "默认 66.7%",
                        "对 1,000 次",
                        "种子固定为 " + CompositeIndex.SEED,
                        "大于 3.5",
                        "±0.01");
    }

    @Test
    void aThresholdAnAdministratorSetIsStatedToo() throws Exception {
        jdbc.update("insert into scoring_setting (year, coverage_threshold, updated_by) values (2016, 0.5, 'test')"
                + " on conflict (year) do update set coverage_threshold = 0.5");
        try {
            assertThat(parameter(page("/dashboards/scoring"), "COVERAGE_THRESHOLD_2016"))
                    .isEqualTo("50.0%");
        } finally {
            jdbc.update("delete from scoring_setting where year = 2016");
        }
    }

    @Test
    void theWorkedExampleIsComputedFromTheData() throws Exception {
        Document page = page("/dashboards/scoring");
        assertThat(page.select("#example").text()).startsWith("示例：");
        assertThat(page.select("#example-indicators tbody tr")).isNotEmpty();
        // every score of the example is 0–1 or a gap, and the overall line carries its coverage
        page.select("#example-indicators tbody tr td:last-child")
                .eachText()
                .forEach(score -> assertThat(score).matches("—|0\\.\\d\\d|1\\.00"));
        assertThat(page.select("#example-sections tr.fw-bold").text()).matches("总分 .*\\d+/\\d+（\\d+%）");
        assertThat(page.select("#example-ranked").text()).contains("门槛");
        // and in English
        Document english = page("/dashboards/scoring?lang=en");
        assertThat(english.select("#scoring-steps").text()).contains("5th and 95th percentiles");
    }

    private static String percent(double fraction) {
        return String.format("%.0f", fraction * 100);
    }

    private static String parameter(Document page, String name) {
        return page.select("[data-parameter=" + name + "]").text();
    }

    private Document page(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
