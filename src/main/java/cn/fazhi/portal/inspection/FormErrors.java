package cn.fazhi.portal.inspection;

import org.springframework.validation.BindingResult;

/** A domain refusal shown next to the field it is about. */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult result, InspectionInputException e) {
        result.rejectValue(e.field(), e.messageKey(), e.args(), null);
    }
}
