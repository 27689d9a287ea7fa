package cn.fazhi.portal.catalog.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an edit of a stored rule changes: its severity and messages (its code, indicators and years stay). */
public record RuleTextsForm(
        @NotNull(message = "{catalogAdmin.required}")
        @Pattern(regexp = "ERROR|WARNING", message = "{catalogAdmin.required}")
        String severity,

        @NotBlank(message = "{catalogAdmin.required}") @Size(max = 300, message = "{catalogAdmin.tooLong}")
        String messageZh,

        @Size(max = 300, message = "{catalogAdmin.tooLong}") String messageEn) {}
