package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.report.ReportEntryService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One save of the report form (填报表), as the page posts it: a section's values and explanations by
 * indicator code ({@code values[CODE]}, {@code explanations[CODE]}), its custom figures by id
 * ({@code figures[12].name} …, {@code figures[12].remove}) and the blank row for a new one
 * ({@code added.name} …); or, for {@link ReportForm#NARRATIVE}, the four narrative parts. Every text
 * is kept as typed (the report's own rules decide what a value is, and a refused one is shown back
 * unchanged); a field the request does not carry is absent from its map and keeps what is stored.
 *
 * <p>The keys say nothing the service trusts: it reads only the indicators of the posted section of
 * the year's catalogue and the figures of that section of the clerk's own report, and ignores any
 * other key. The maps are bounded (a section has a few dozen indicators), so that a post with
 * thousands of made-up keys is refused as a bad request rather than carried through a save.
 *
 * @param version the report's version the page was opened at (a save from an older one is a conflict)
 */
public record SectionForm(
        @NotBlank String section,
        @NotNull Integer version,
        @Size(max = MAX_ENTRIES) Map<String, String> values,
        @Size(max = MAX_ENTRIES) Map<String, String> explanations,
        @Size(max = MAX_ENTRIES) Map<String, FigureForm> figures,
        FigureForm added,
        String measures,
        String problems,
        String nextYearPlan,
        String leadersDuty) {

    /** Entries a map may hold: far above any section's indicators or figures, far below an attack. */
    public static final int MAX_ENTRIES = 500;

    public SectionForm {
        values = values == null ? Map.of() : values;
        explanations = explanations == null ? Map.of() : explanations;
        figures = figures == null ? Map.of() : figures;
    }

    /** A save of a section's values (by indicator code) and nothing else. */
    public static SectionForm of(String section, int version, Map<String, String> values) {
        return of(section, version, values, Map.of());
    }

    /** A save of a section's values and explanations, by indicator code. */
    public static SectionForm of(
            String section, int version, Map<String, String> values, Map<String, String> explanations) {
        return new SectionForm(section, version, values, explanations, Map.of(), null, null, null, null, null);
    }

    /** A save of a section that adds one custom figure. */
    public static SectionForm adding(String section, int version, FigureForm added) {
        return new SectionForm(section, version, Map.of(), Map.of(), Map.of(), added, null, null, null, null);
    }

    /** A save of a section that changes (or removes) its custom figures, by id. */
    public static SectionForm changing(String section, int version, Map<String, FigureForm> figures) {
        return new SectionForm(section, version, Map.of(), Map.of(), figures, null, null, null, null, null);
    }

    public boolean isNarrative() {
        return ReportForm.NARRATIVE.equals(section);
    }

    /** The narrative parts the request carries, by name ({@link ReportEntryService#NARRATIVE_FIELDS}). */
    public Map<String, String> narrative() {
        Map<String, String> texts = new LinkedHashMap<>();
        putIfSent(texts, "measures", measures);
        putIfSent(texts, "problems", problems);
        putIfSent(texts, "nextYearPlan", nextYearPlan);
        putIfSent(texts, "leadersDuty", leadersDuty);
        return texts;
    }

    private static void putIfSent(Map<String, String> texts, String part, String text) {
        if (text != null) {
            texts.put(part, text);
        }
    }

    /** The form field of an indicator's value, where its refusal is shown. */
    public static String valueField(String code) {
        return "values[" + code + "]";
    }

    public static String explanationField(String code) {
        return "explanations[" + code + "]";
    }

    /** The form field of one part of a custom figure: of a stored one by its id, or of the blank row (null). */
    public static String figureField(Long id, String part) {
        return id == null ? "added." + part : "figures[" + id + "]." + part;
    }

    /**
     * One custom figure's row as typed: name, unit, value, note ({@link CustomFigureInput}'s parts)
     * and, for a stored figure, whether to remove it. A part the request does not carry is null.
     */
    public record FigureForm(String name, String unit, String value, String note, Boolean remove) {

        public static FigureForm of(String name, String unit, String value) {
            return new FigureForm(name, unit, value, null, null);
        }

        public boolean isRemoved() {
            return Boolean.TRUE.equals(remove);
        }

        public boolean isBlank() {
            return CustomFigureInput.isBlank(name, unit, value, note);
        }

        /** The part of this name ({@link CustomFigureInput#NAME} …), or null. */
        public String part(String part) {
            return switch (part) {
                case CustomFigureInput.NAME -> name;
                case CustomFigureInput.UNIT -> unit;
                case CustomFigureInput.VALUE -> value;
                case CustomFigureInput.NOTE -> note;
                default -> null;
            };
        }
    }
}
