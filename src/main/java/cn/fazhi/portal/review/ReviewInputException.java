package cn.fazhi.portal.review;

/** A review action missing what it needs, such as the comment of a return; carries a message key. */
public class ReviewInputException extends RuntimeException {

    public ReviewInputException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
