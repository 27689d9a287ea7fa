package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.catalog.Comparison;
import cn.fazhi.portal.catalog.RuleDef;
import cn.fazhi.portal.catalog.Severity;
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
public class ValidationRule {

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

    ValidationRule(RuleDef rule, int firstYear) {
        this.code = rule.code();
        this.leftCode = rule.leftCode();
        this.operator = rule.operator();
        this.rightCode = rule.rightCode();
        this.severity = rule.severity();
        this.messageZh = rule.messageZh();
        this.messageEn = rule.messageEn();
        this.firstYear = firstYear;
    }

    void edit(Severity severity, String messageZh, String messageEn) {
        this.severity = severity;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    void retireFrom(int year) {
        if (year <= firstYear) {
            throw new IllegalArgumentException("a rule is retired from a year after its first one");
        }
        this.lastYear = year - 1;
    }

    void restore() {
        this.lastYear = null;
    }

    public RuleDef toDef() {
        return new RuleDef(code, leftCode, operator, rightCode, severity, messageZh, messageEn);
    }
}
