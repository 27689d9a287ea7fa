package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.catalog.internal.CustomFigurePromotion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the candidates page compares custom figure names (no Spring: the rule alone). */
class CandidateNamesTests {

    @Test
    void namesAreComparedWithoutWidthSpacesOrPunctuation() {
        assertThat(List.of("法治培训人次", "法治培训 人次", "法治培训人次　", "法治培训　人次", "法治培训人次。", "ＡＢＣ培训"))
                .extracting(CustomFigurePromotion::normalise)
                .containsExactly("法治培训人次", "法治培训人次", "法治培训人次", "法治培训人次", "法治培训人次", "abc培训");
        assertThat(CustomFigurePromotion.similar("法治培训人次", "法治培训人数")).isTrue();
        assertThat(CustomFigurePromotion.similar("法治培训人次", "营商环境活动场次")).isFalse();
    }
}
