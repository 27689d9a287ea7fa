package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.catalog.IndicatorKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * 指标值: one indicator's value in one report. A computed rate with a zero denominator is kept
 * with no value ("不适用").
 */
@Entity
@Table(name = "indicator_value")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class IndicatorValue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private AnnualReport report;

    private String indicatorCode;

    /** Copied from the indicator so that the database can check counts and rates itself. */
    @Enumerated(EnumType.STRING)
    private IndicatorKind kind;

    private BigDecimal value;

    private String explanation;

    @Enumerated(EnumType.STRING)
    private ValueSource source;

    private Instant updatedAt;

    private Long updatedBy;

    IndicatorValue(AnnualReport report, String indicatorCode, IndicatorKind kind) {
        this.report = report;
        this.indicatorCode = indicatorCode;
        this.kind = kind;
    }

    void set(BigDecimal value, String explanation, ValueSource source, Long by, Instant at) {
        this.value = value;
        this.explanation = explanation;
        this.source = source;
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
