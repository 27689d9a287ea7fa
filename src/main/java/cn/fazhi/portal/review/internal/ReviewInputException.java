package cn.fazhi.portal.review.internal;

import cn.fazhi.portal.config.FieldInputException;

/**
 * What a reviewer typed that the report refuses, though the form's annotations could not tell (a
 * public note on a first approval): the field and the message key to show next to it.
 */
public class ReviewInputException extends FieldInputException {

    public ReviewInputException(String field, String messageKey) {
        super(field, messageKey);
    }
}
