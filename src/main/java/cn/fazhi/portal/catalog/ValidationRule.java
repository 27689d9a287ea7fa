package cn.fazhi.portal.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 校验规则: "left operator right" between two indicators of one report. */
@Entity
@Table(name = "validation_rule")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class ValidationRule {

    @Id
    private String code;

    @Column(name = "left_code")
    private String leftCode;

    private Comparison operator;

    @Column(name = "right_code")
    private String rightCode;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Column(name = "message_zh")
    private String messageZh;

    @Column(name = "message_en")
    private String messageEn;

    @Column(name = "first_year")
    private int firstYear;

    @Column(name = "last_year")
    private Integer lastYear;

    RuleDef toDef() {
        return new RuleDef(code, leftCode, operator, rightCode, severity, messageZh, messageEn);
    }
}
