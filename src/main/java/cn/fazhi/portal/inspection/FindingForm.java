package cn.fazhi.portal.inspection;

import cn.fazhi.portal.inspection.internal.Dates;
import cn.fazhi.portal.inspection.internal.FindingDetails;
import cn.fazhi.portal.inspection.internal.FindingRow;
import cn.fazhi.portal.inspection.internal.IsoDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Adding or editing a finding of an inspection. */
record FindingForm(
        @NotBlank(message = "{inspection.descriptionRequired}")
        @Size(max = 5000, message = "{inspection.descriptionTooLong}")
        String description,

        @NotBlank(message = "{inspection.severityRequired}")
        @Pattern(regexp = "MINOR|MODERATE|SEVERE", message = "{inspection.severityRequired}")
        String severity,

        String section,
        String indicator,

        @NotBlank(message = "{inspection.deadlineRequired}") @IsoDate
        String deadline,

        Integer version) {

    static FindingForm empty() {
        return new FindingForm("", "", "", "", "", null);
    }

    static FindingForm of(FindingDetails finding) {
        FindingRow row = finding.row();
        return new FindingForm(
                row.description(),
                row.severity().name(),
                row.sectionCode(),
                row.indicatorCode(),
                Dates.format(row.deadline()),
                finding.version());
    }
}
