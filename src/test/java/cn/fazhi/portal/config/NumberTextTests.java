package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextTests {

    @Test
    void commasSeparateThousandsInGroupsOfThreeOnly() {
        assertThat(NumberText.parse("2,664").value()).isEqualByComparingTo("2664");
        assertThat(NumberText.parse(" 1,234,567.25 ").value()).isEqualByComparingTo("1234567.25");
        assertThat(NumberText.parse("-1,000").value()).isEqualByComparingTo("-1000");
        assertThat(NumberText.parse("１２，３４５").value()).isEqualByComparingTo("12345");
        assertThat(NumberText.parse("1 234").value()).isEqualByComparingTo("1234");
        assertThat(NumberText.parse("1,5").problem()).isEqualTo(NumberText.Problem.MISPLACED_COMMA);
        assertThat(NumberText.parse("2,75").problem()).isEqualTo(NumberText.Problem.MISPLACED_COMMA);
        assertThat(NumberText.parse("1234,567").problem()).isEqualTo(NumberText.Problem.MISPLACED_COMMA);
        assertThat(NumberText.parse("1,234.5,6").problem()).isEqualTo(NumberText.Problem.MISPLACED_COMMA);
        assertThat(NumberText.parse("约1,5").problem()).isEqualTo(NumberText.Problem.NOT_A_NUMBER);
        assertThat(NumberText.parse("").problem()).isEqualTo(NumberText.Problem.NOT_A_NUMBER);
    }
}
