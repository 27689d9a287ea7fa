package cn.fazhi.portal.catalog;

import jakarta.persistence.Column;
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

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "outline_ref")
    private String outlineRef;

    SectionDef toDef() {
        return new SectionDef(code, position, nameZh, nameEn, outlineRef);
    }
}
