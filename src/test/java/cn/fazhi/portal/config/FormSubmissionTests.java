package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** The forms' one POST shape, without Spring's web layer: when the step runs, where refusals land, what is flashed. */
class FormSubmissionTests {

    record Form(String name, String year) {}

    static final class Refused extends FieldInputException {
        Refused(String field, String key, Object... args) {
            super(field, key, args);
        }

        Refused(List<FieldRefusal> refusals) {
            super(refusals);
        }
    }

    private final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

    private static Map<String, Object> flashed(RedirectAttributesModelMap redirect) {
        return new HashMap<>(redirect.getFlashAttributes());
    }

    private static BindingResult result() {
        return new BeanPropertyBindingResult(new Form("名称", "2026"), "form");
    }

    @Test
    void aValidFormRunsItsStepAndSaysItWasDone() {
        BindingResult result = result();
        assertThat(FormSubmission.submit(result, redirect, "done.key", () -> "redirect:/next"))
                .isEqualTo("redirect:/next");
        assertThat(flashed(redirect)).containsEntry("flash", "done.key");
        assertThat(result.hasErrors()).isFalse();
    }

    @Test
    void aFormItsAnnotationsRefusedNeverRunsItsStep() {
        BindingResult result = result();
        result.rejectValue("name", "required");
        assertThat(FormSubmission.submit(result, redirect, "done.key", () -> {
                    throw new AssertionError("the step ran");
                }))
                .isNull();
        assertThat(flashed(redirect)).isEmpty();
    }

    @Test
    void theServicesRefusalLandsOnItsFieldsWithItsArguments() {
        BindingResult result = result();
        assertThat(FormSubmission.submit(result, redirect, "done.key", () -> {
                    throw new Refused(
                            List.of(new FieldRefusal("year", "bad.year", 2100), new FieldRefusal("name", "taken")));
                }))
                .isNull();
        assertThat(result.getFieldError("year").getCode()).isEqualTo("bad.year");
        assertThat(result.getFieldError("year").getArguments()).containsExactly(2100);
        assertThat(result.getFieldError("year").getRejectedValue()).isEqualTo("2026");
        assertThat(result.getFieldError("name").getCode()).isEqualTo("taken");
        assertThat(flashed(redirect)).isEmpty();
    }

    @Test
    void refusalsFoundBeforehandAreShownBesideTheAnnotationsOneMessageAField() {
        BindingResult result = result();
        result.rejectValue("name", "required");
        assertThat(FormSubmission.submit(
                        result,
                        List.of(new FieldRefusal("name", "taken"), new FieldRefusal("year", "bad.year")),
                        redirect,
                        "done.key",
                        () -> "redirect:/next"))
                .isNull();
        assertThat(result.getFieldErrors("name"))
                .singleElement()
                .satisfies(e -> assertThat(e.getCode()).isEqualTo("required"));
        assertThat(result.getFieldError("year").getCode()).isEqualTo("bad.year");
    }

    @Test
    void aOneClickFormFlashesItsRefusalOrItsSuccess() {
        BindingResult invalid = result();
        invalid.rejectValue("year", "typeMismatch");
        assertThat(FormSubmission.click(invalid, redirect, "bad.year", "done.key", () -> {
                    throw new AssertionError("the step ran");
                }))
                .isFalse();
        assertThat(flashed(redirect)).containsEntry("flashError", "bad.year");

        RedirectAttributesModelMap refused = new RedirectAttributesModelMap();
        assertThat(FormSubmission.click(refused, "done.key", () -> {
                    throw new ConflictException("has values", "has.values");
                }))
                .isFalse();
        assertThat(flashed(refused)).containsEntry("flashError", "has.values");

        RedirectAttributesModelMap done = new RedirectAttributesModelMap();
        assertThat(FormSubmission.click(result(), done, "bad.year", "done.key", () -> {}))
                .isTrue();
        assertThat(flashed(done)).containsEntry("flash", "done.key").doesNotContainKey("flashError");
    }

    @Test
    void aOneClickFormLeavesWhatIsNotFoundOrHasNoMessageToTheErrorPages() {
        assertThatThrownBy(() -> FormSubmission.click(redirect, "done.key", () -> {
                    throw new NotFoundException();
                }))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> FormSubmission.click(redirect, "done.key", () -> {
                    throw new RuleRefusedException("no page sends that");
                }))
                .isInstanceOf(RuleRefusedException.class);
        assertThat(flashed(redirect)).isEmpty();
    }

    @Test
    void aYearIsFourDigitsWithinTheFormsYears() {
        assertThat(YearText.parse(" 2026 ", 2000, 2100)).isEqualTo(2026);
        assertThat(YearText.parse("2100", 2000, 2100)).isEqualTo(2100);
        assertThat(YearText.parse("1999", 2000, 2100)).isNull();
        assertThat(YearText.parse("20x6", 2000, 2100)).isNull();
        assertThat(YearText.parse("２０２６", 2000, 2100)).isNull();
        assertThat(YearText.parse(null, 2000, 2100)).isNull();
    }
}
