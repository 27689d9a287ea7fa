package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The national heat map never keeps a page waiting for its index: when it is not ready the page
 * says it is being computed and reloads itself; the computation goes on in the background and the
 * next request shows it. A download waits for it.
 */
@PortalTest
class NationalIndexInTheBackgroundTests {

    private static final String NATIONAL = "/dashboards/heatmap?year=2023";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AreaIndexes indexes;

    @Test
    void aPageThatWouldWaitSaysTheScoresAreBeingComputedAndTheNextRequestShowsThem() throws Exception {
        Object configured = ReflectionTestUtils.getField(indexes, "nationalWait");
        ReflectionTestUtils.setField(indexes, "nationalWait", Duration.ZERO);
        try {
            moveTheGeneration();
            Document waiting = page(NATIONAL);
            assertThat(waiting.select("#computing").attr("data-reload-after")).isNotBlank();
            assertThat(waiting.select("#table-heatmap")).isEmpty();

            // the download waits for the index, which the page's request set going
            MockHttpServletResponse csv = mvc.perform(get(NATIONAL + "&format=csv&table=heatmap"))
                    .andReturn()
                    .getResponse();
            assertThat(csv.getStatus()).isEqualTo(200);
            Document ready = page(NATIONAL);
            assertThat(ready.select("#computing")).isEmpty();
            assertThat(ready.select("#table-heatmap, #table-insufficient")).hasSize(2);
        } finally {
            ReflectionTestUtils.setField(indexes, "nationalWait", configured);
        }
    }

    /** A change that moves the data's generation (and nothing else): no index is kept any more. */
    private void moveTheGeneration() {
        jdbc.update("insert into scoring_setting (year, coverage_threshold, updated_by) values (2098, 0.5, 'test')");
        jdbc.update("delete from scoring_setting where year = 2098");
    }

    private Document page(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
