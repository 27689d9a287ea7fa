package cn.fazhi.portal.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * 排名所需的数据覆盖率: the share of a year's scored indicators a county must have reported to be
 * ranked on the dashboards, set by an administrator per year (V15). The dashboards read the table
 * themselves; a year without a row uses the default of 2/3.
 */
@Entity
@Table(name = "scoring_setting")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ScoringSetting {

    @Id
    private Integer year;

    /** A fraction: above 0, at most 1, three decimals. */
    private BigDecimal coverageThreshold;

    private Instant updatedAt;

    private String updatedBy;

    ScoringSetting(int year) {
        this.year = year;
    }

    void set(BigDecimal coverageThreshold, Instant at, String by) {
        this.coverageThreshold = coverageThreshold;
        this.updatedAt = at;
        this.updatedBy = by;
    }
}
