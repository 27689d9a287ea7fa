package cn.fazhi.portal.region;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** 行政区划: a GB/T 2260 division. Reference data, loaded by migration and never edited here. */
@Entity
@Table(name = "region")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Region {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private RegionLevel level;

    private String parentCode;

    private String provinceCode;

    private String prefectureCode;

    RegionView toView() {
        return new RegionView(code, name, level, parentCode, provinceCode, prefectureCode);
    }
}
