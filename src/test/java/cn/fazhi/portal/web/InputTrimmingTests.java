package cn.fazhi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.WebDataBinder;

/** What a form's texts look like once bound: stripped, passwords excepted; single parameters as sent. */
class InputTrimmingTests {

    record Sample(String code, String note, String newPassword) {}

    @Test
    void textsLoseTheSpacesAroundThemFullWidthOnesIncludedButPasswordsStayAsTyped() {
        Sample bound = bind(Map.of(
                "code", " LEA_PARTY_MEETINGS ", "note", "\u3000说明\u3000", "newPassword", " secret with spaces "));
        assertThat(bound.code()).isEqualTo("LEA_PARTY_MEETINGS");
        assertThat(bound.note()).isEqualTo("说明");
        assertThat(bound.newPassword()).isEqualTo(" secret with spaces ");
    }

    @Test
    void aBlankTextStaysAnEmptyTextSoThatRequiredFieldsAreStillReportedAsMissing() {
        Sample bound = bind(Map.of("code", "   ", "note", "", "newPassword", ""));
        assertThat(bound.code()).isEmpty();
        assertThat(bound.note()).isEmpty();
        assertThat(bound.newPassword()).isEmpty();
    }

    @Test
    void aSingleRequestParameterIsLeftAsSentForItNamesSomethingExactly() {
        WebDataBinder binder = new WebDataBinder(null, "section"); // as for a @RequestParam
        new InputTrimming().trim(binder);
        assertThat(binder.findCustomEditor(String.class, null)).isNull();
        assertThat(binder.convertIfNecessary("LEADERSHIP\n", String.class)).isEqualTo("LEADERSHIP\n");
    }

    private static Sample bind(Map<String, String> values) {
        WebDataBinder binder = new WebDataBinder(null, "form");
        binder.setTargetType(ResolvableType.forClass(Sample.class));
        new InputTrimming().trim(binder);
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> type) {
                return values.get(name);
            }

            @Override
            public Set<String> getNames() {
                return values.keySet();
            }
        });
        assertThat(binder.getBindingResult().hasErrors()).isFalse();
        return (Sample) binder.getTarget();
    }
}
