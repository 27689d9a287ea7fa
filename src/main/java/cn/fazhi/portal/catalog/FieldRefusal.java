package cn.fazhi.portal.catalog;

/**
 * A form field the catalogue refuses for a reason its annotations cannot judge alone (a code
 * already used, an unknown section, the parts of a computed rate, a target's operator and value):
 * the field's path in the form, the key of the message shown next to it and the message's
 * arguments.
 */
public record FieldRefusal(String field, String messageKey, Object... args) {}
