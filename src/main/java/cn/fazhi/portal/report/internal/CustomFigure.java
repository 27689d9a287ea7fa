package cn.fazhi.portal.report.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * 自定义数据: a figure a county reports that no catalogue indicator foresees (法治培训人次, 营商环境
 * 活动场次 …), in one section of its report. Shown with the report and in its documents, never
 * ranked or scored; recurring names can be promoted into the catalogue.
 */
@Entity
@Table(name = "custom_figure")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CustomFigure {

    static final int MAX_NAME = 200;
    static final int MAX_UNIT = 20;
    static final int MAX_NOTE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private AnnualReport report;

    private String sectionCode;

    private String name;

    private String unit;

    private BigDecimal value;

    private String note;

    private int position;

    private Instant updatedAt;

    private Long updatedBy;

    CustomFigure(AnnualReport report, String sectionCode, int position) {
        this.report = report;
        this.sectionCode = sectionCode;
        this.position = position;
    }

    /** @return whether anything changed */
    boolean set(Content content, Long by, Instant at) {
        if (content.equals(content())) {
            return false;
        }
        this.name = content.name();
        this.unit = content.unit();
        this.value = content.value();
        this.note = content.note();
        this.updatedBy = by;
        this.updatedAt = at;
        return true;
    }

    public Content content() {
        return name == null ? null : new Content(name, unit, value, note);
    }

    /**
     * What a custom figure says, as stored: name and unit stripped, the note null when blank. Two
     * contents are equal when they say the same (values compared by amount, not scale).
     */
    public record Content(String name, String unit, BigDecimal value, String note) {

        public Content {
            value = value == null ? null : value.stripTrailingZeros();
        }

        static Content of(String name, String unit, BigDecimal value, String note) {
            return new Content(name.strip(), unit.strip(), value, note == null || note.isBlank() ? null : note.strip());
        }

        public Map<String, Object> state() {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("name", name);
            state.put("unit", unit);
            state.put("value", value == null ? null : value.toPlainString());
            state.put("note", note);
            return state;
        }
    }
}
