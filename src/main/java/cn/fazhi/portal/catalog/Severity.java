package cn.fazhi.portal.catalog;

/** An ERROR blocks submission; a WARNING needs a written explanation on the value. */
public enum Severity {
    ERROR,
    WARNING
}
