package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Html#escape} writes what Spring's {@code HtmlUtils} writes, only faster. */
class HtmlTests {

    @Test
    void escapingAgreesWithSpringsForEveryMixOfSpecialAndPlainCharacters() {
        String alphabet = "a县 &<>\"'；\u3000";
        java.util.Random random = new java.util.Random(9);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(Html.escape(text.toString())).as(text.toString())
                    .isEqualTo(org.springframework.web.util.HtmlUtils.htmlEscape(text.toString(), "UTF-8"));
        }
        assertThat(Html.escape(null)).isEmpty();
    }
}
