package cn.fazhi.portal.catalog;

/** A validation rule as the administrator types it. */
public record RuleForm(String code, String leftCode, String operator, String rightCode, String severity,
        String messageZh, String messageEn, String firstYear) {

    public static RuleForm blank(int firstYear) {
        return new RuleForm("", "", "<=", "", "ERROR", "", "", Integer.toString(firstYear));
    }

    static RuleForm of(ValidationRule rule) {
        return new RuleForm(rule.getCode(), rule.getLeftCode(), rule.getOperator().symbol(), rule.getRightCode(),
                rule.getSeverity().name(), rule.getMessageZh(), rule.getMessageEn(), Integer.toString(rule.getFirstYear()));
    }
}
