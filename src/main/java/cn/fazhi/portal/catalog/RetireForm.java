package cn.fazhi.portal.catalog;

import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.config.YearText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Retiring an indicator or a rule (停用) from a year on, as typed on its page. */
record RetireForm(
        @NotNull(message = "{catalogAdmin.badYear}")
        @Pattern(regexp = CatalogAdminService.YEAR_PATTERN, message = "{catalogAdmin.badYear}")
        String fromYear) {

    /** The year, once the annotations took its text. */
    int year() {
        return YearText.parse(fromYear, CatalogAdminService.FIRST_YEAR, CatalogAdminService.LAST_YEAR);
    }
}
