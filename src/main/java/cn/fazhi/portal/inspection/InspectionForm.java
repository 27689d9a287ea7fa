package cn.fazhi.portal.inspection;

import cn.fazhi.portal.config.YearText;
import cn.fazhi.portal.inspection.internal.Dates;
import cn.fazhi.portal.inspection.internal.InspectionDetails;
import cn.fazhi.portal.inspection.internal.IsoDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Recording or editing an inspection. Text fields throughout, so that whatever was typed comes back with its error. */
record InspectionForm(
        @NotBlank(message = "{inspection.countyRequired}") String county,

        @NotBlank(message = "{inspection.kindRequired}")
        @Pattern(
                regexp = "COMPREHENSIVE|SPECIAL|CASE_FILE_REVIEW|ON_SITE|UNANNOUNCED",
                message = "{inspection.kindRequired}")
        String kind,

        @NotBlank(message = "{inspection.yearRequired}")
        @Pattern(regexp = "\\s*\\d{4}\\s*", message = "{inspection.yearFormat}")
        String year,

        @NotBlank(message = "{inspection.startedOnRequired}") @IsoDate
        String startedOn,

        @IsoDate String endedOn,

        @NotBlank(message = "{inspection.bodyRequired}") @Size(max = 200, message = "{inspection.bodyTooLong}")
        String inspectingBody,

        @Size(max = 500, message = "{inspection.inspectorsTooLong}")
        String inspectors,

        @Size(max = 20000, message = "{inspection.summaryTooLong}")
        String summary,

        Integer version) {

    /** The year, from 2000 to 2100; null when the text names none. */
    Integer yearNumber() {
        return YearText.parse(year, 2000, 2100);
    }

    static InspectionForm forCounty(String county, int year) {
        return new InspectionForm(county, "", Integer.toString(year), "", "", "", "", "", null);
    }

    static InspectionForm of(InspectionDetails inspection) {
        return new InspectionForm(
                inspection.county().code(),
                inspection.kind().name(),
                Integer.toString(inspection.year()),
                Dates.format(inspection.startedOn()),
                Dates.format(inspection.endedOn()),
                inspection.inspectingBody(),
                inspection.inspectors(),
                inspection.summary(),
                inspection.version());
    }
}
