package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.catalog.internal.IndicatorForm;
import cn.fazhi.portal.catalog.internal.IndicatorTextsForm;
import cn.fazhi.portal.catalog.internal.RuleForm;
import cn.fazhi.portal.catalog.internal.RuleTextsForm;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The field constraints of the catalogue's form records, without Spring: which field each refuses,
 * with which message key (the pages resolve the keys through messages*.properties, see
 * CatalogFormsTests). What needs the catalogue (codes taken, sections, parts, targets) is the
 * service's, not here.
 */
class CatalogFormConstraintsTests {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** The message key of each refused field (one constraint a field in these cases). */
    private static Map<String, String> refused(Object form) {
        Map<String, String> keys = new TreeMap<>();
        for (ConstraintViolation<Object> v : validator.validate(form)) {
            keys.merge(v.getPropertyPath().toString(), v.getMessageTemplate(), (a, b) -> a + "," + b);
        }
        return keys;
    }

    @Test
    void aWellFormedNewIndicatorHasNoFieldRefused() {
        assertThat(refused(new IndicatorForm(
                        "TST_OK", "CAPACITY", "名称", "Name", "次", "COUNT", "UP", "", "", "", "", "", "", "2099", "")))
                .isEmpty();
        assertThat(refused(IndicatorForm.blank(2026))).containsOnlyKeys("code", "nameZh", "nameEn", "unit");
    }

    @Test
    void aNewIndicatorsFieldsAreRefusedEachWithItsKey() {
        assertThat(refused(new IndicatorForm(
                        "bad code",
                        "",
                        "",
                        "x".repeat(201),
                        "",
                        "PERCENT",
                        null,
                        "",
                        "",
                        "",
                        "",
                        "长".repeat(2001),
                        "",
                        "20x6",
                        "")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "code",
                        "{catalogAdmin.badCode}",
                        "nameZh",
                        "{catalogAdmin.required}",
                        "nameEn",
                        "{catalogAdmin.tooLong}",
                        "unit",
                        "{catalogAdmin.required}",
                        "kind",
                        "{catalogAdmin.required}",
                        "direction",
                        "{catalogAdmin.required}",
                        "definitionZh",
                        "{catalogAdmin.tooLong}",
                        "firstYear",
                        "{catalogAdmin.badYear}"));
        // a blank code is required, not badly formed: one message
        assertThat(refused(new IndicatorForm(
                        "", "CAPACITY", "名称", "Name", "次", "COUNT", "UP", "", "", "", "", "", "", "2101", "")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("code", "{catalogAdmin.required}", "firstYear", "{catalogAdmin.badYear}"));
    }

    @Test
    void anEditsTextsAreJudgedAlone() {
        assertThat(refused(new IndicatorTextsForm("名称", "Name", null, ""))).isEmpty();
        assertThat(refused(new IndicatorTextsForm("", "Name", "", "x".repeat(2001))))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("nameZh", "{catalogAdmin.required}", "definitionEn", "{catalogAdmin.tooLong}"));
    }

    @Test
    void aRulesFieldsAndAnEditsTextsAreRefusedWithTheirKeys() {
        assertThat(refused(RuleForm.blank(2026)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("code", "{catalogAdmin.required}", "messageZh", "{catalogAdmin.required}"));
        assertThat(refused(new RuleForm("TST_R", "A", "<=", "B", "FATAL", "说明", "x".repeat(301), "1999")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "severity",
                        "{catalogAdmin.required}",
                        "messageEn",
                        "{catalogAdmin.tooLong}",
                        "firstYear",
                        "{catalogAdmin.badYear}"));
        assertThat(refused(new RuleTextsForm("WARNING", "说明", null))).isEmpty();
        assertThat(refused(new RuleTextsForm(null, " ", ""))).containsOnlyKeys("severity", "messageZh");
    }

    @Test
    void aThresholdsYearIsOneTheTableTakes() {
        assertThat(refused(new ThresholdForm("2015", ""))).isEmpty();
        assertThat(refused(new ThresholdForm("2100", "50"))).isEmpty();
        assertThat(refused(new ThresholdForm("2014", "50"))).containsOnlyKeys("year");
        assertThat(refused(new ThresholdForm(null, "50"))).containsEntry("year", "{scoringAdmin.badYear}");
    }
}
