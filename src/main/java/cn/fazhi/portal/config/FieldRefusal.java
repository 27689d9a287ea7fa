package cn.fazhi.portal.config;

/**
 * A form field refused for a reason its annotations cannot judge alone (a code already used, an
 * unknown section, a target's operator and value, a date after today): the field's path in the
 * form, the key of the message shown next to it and the message's arguments.
 */
public record FieldRefusal(String field, String messageKey, Object... args) {}
