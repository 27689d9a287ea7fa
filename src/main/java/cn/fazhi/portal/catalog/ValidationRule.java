package cn.fazhi.portal.catalog;

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

    private String leftCode;

    private Comparison operator;

    private String rightCode;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String messageZh;

    private String messageEn;

    private int firstYear;

    private Integer lastYear;

    RuleDef toDef() {
        return new RuleDef(code, leftCode, operator, rightCode, severity, messageZh, messageEn);
    }
}
