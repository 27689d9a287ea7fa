package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.catalog.IndicatorDef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An indicator's names and definitions as the administrator edits them (名称和口径). */
public record IndicatorTextsForm(
        @NotBlank(message = "{catalogAdmin.required}") @Size(max = 200, message = "{catalogAdmin.tooLong}")
        String nameZh,

        @NotBlank(message = "{catalogAdmin.required}") @Size(max = 200, message = "{catalogAdmin.tooLong}")
        String nameEn,

        @Size(max = 2000, message = "{catalogAdmin.tooLong}")
        String definitionZh,

        @Size(max = 2000, message = "{catalogAdmin.tooLong}")
        String definitionEn) {

    public static IndicatorTextsForm of(IndicatorDef i) {
        return new IndicatorTextsForm(
                i.nameZh(),
                i.nameEn(),
                i.definitionZh() == null ? "" : i.definitionZh(),
                i.definitionEn() == null ? "" : i.definitionEn());
    }
}
