package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalJpaTest;
import cn.fazhi.portal.catalog.internal.Indicator;
import cn.fazhi.portal.catalog.internal.IndicatorRepository;
import cn.fazhi.portal.catalog.internal.IndicatorTarget;
import cn.fazhi.portal.catalog.internal.IndicatorTargetRepository;
import cn.fazhi.portal.catalog.internal.Section;
import cn.fazhi.portal.catalog.internal.SectionRepository;
import cn.fazhi.portal.catalog.internal.ValidationRuleRepository;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalJpaTest
class CatalogRepositoryTests {

    @Autowired
    SectionRepository sections;

    @Autowired
    IndicatorRepository indicators;

    @Autowired
    IndicatorTargetRepository targets;

    @Autowired
    ValidationRuleRepository rules;

    @Test
    void sectionsComeInOutlineOrder() {
        assertThat(sections.findAllByOrderByPosition())
                .hasSize(10)
                .first()
                .extracting(Section::getCode)
                .isEqualTo("LEADERSHIP");
    }

    @Test
    void indicatorsCarryKindDirectionPartsAndDefaultTarget() {
        Indicator coverage = indicators.findByCode("CAP_LAWYER_COVERAGE").orElseThrow();
        assertThat(coverage.getKind()).isEqualTo(IndicatorKind.RATE);
        assertThat(coverage.getDirection()).isEqualTo(Direction.UP);
        assertThat(coverage.getNumeratorCode()).isEqualTo("CAP_LAWYER_UNITS");
        assertThat(coverage.getDenominatorCode()).isEqualTo("CAP_UNITS");
        assertThat(coverage.defaultTarget()).isEqualTo(new Target(Comparison.AT_LEAST, new BigDecimal("60.0000")));
        assertThat(indicators
                        .findByCode("DIS_LOSS_RATE")
                        .orElseThrow()
                        .defaultTarget()
                        .operator())
                .isEqualTo(Comparison.AT_MOST);
    }

    @Test
    void theCatalogueOfAYearHoldsTheIndicatorsValidThen() {
        assertThat(indicators.findValidIn(2023)).hasSize(112);
        assertThat(indicators.findValidIn(2014)).isEmpty();
        assertThat(rules.findValidIn(2023)).hasSize(19);
    }

    @Test
    void aYearsTargetReplacesTheDefault() {
        targets.save(new IndicatorTarget("CAP_LAWYER_COVERAGE", 2031, Comparison.AT_LEAST, new BigDecimal("80")));
        assertThat(targets.findByKeyYear(2031))
                .singleElement()
                .satisfies(t -> assertThat(t.toTarget().value()).isEqualByComparingTo("80"));
    }
}
