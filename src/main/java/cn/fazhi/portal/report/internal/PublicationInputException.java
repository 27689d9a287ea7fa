package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.FieldInputException;

/** A publication record the service refuses, with the field it is about and the message's key. */
public class PublicationInputException extends FieldInputException {

    public PublicationInputException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
