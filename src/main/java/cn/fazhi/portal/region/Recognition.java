package cn.fazhi.portal.region;

import cn.fazhi.portal.region.internal.RecognitionLevel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 示范创建称号: a demonstration title a county holds (示范地区, 示范项目). */
@Entity
@Table(name = "recognition")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Recognition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String countyCode;

    @Enumerated(EnumType.STRING)
    private RecognitionLevel level;

    private String title;

    /** The year conferred, when the county's report says so. */
    private Integer year;

    Recognition(String countyCode, RecognitionLevel level, String title, Integer year) {
        this.countyCode = countyCode;
        this.level = level;
        this.title = title;
        this.year = year;
    }

    RecognitionView toView() {
        return new RecognitionView(level, title, year);
    }
}
