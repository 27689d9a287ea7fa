package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.FieldInputException;

/**
 * Input the forms' annotations cannot judge alone (an end before the start, an indicator of
 * another section, a file that is not what it claims): the field and the message key to show.
 */
public class InspectionInputException extends FieldInputException {

    public InspectionInputException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
