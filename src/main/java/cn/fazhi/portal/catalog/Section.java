package cn.fazhi.portal.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 纲要板块: one of the 10 areas of the national outline that group the indicators. */
@Entity
@Table(name = "section")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Section {

    @Id
    private String code;

    private int position;

    private String nameZh;

    private String nameEn;

    private String outlineRef;

    SectionDef toDef() {
        return new SectionDef(code, position, nameZh, nameEn, outlineRef);
    }
}
