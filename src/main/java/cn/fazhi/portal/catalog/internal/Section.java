package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.catalog.SectionDef;
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
public class Section {

    @Id
    private String code;

    private int position;

    private String nameZh;

    private String nameEn;

    private String outlineRef;

    public SectionDef toDef() {
        return new SectionDef(code, position, nameZh, nameEn, outlineRef);
    }
}
