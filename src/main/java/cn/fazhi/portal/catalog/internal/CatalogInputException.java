package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.config.FieldInputException;
import cn.fazhi.portal.config.FieldRefusal;
import java.util.List;

/**
 * A change to the catalogue refused because of what was typed (输入被拒), with every field refused:
 * the services check again what the pages checked first, so that a code taken in between (or a
 * caller that skipped the check) changes nothing.
 */
public class CatalogInputException extends FieldInputException {

    public CatalogInputException(List<FieldRefusal> refusals) {
        super(refusals);
    }

    public CatalogInputException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }

    /** Throws when there is anything refused. */
    public static void refuse(List<FieldRefusal> refusals) {
        if (!refusals.isEmpty()) {
            throw new CatalogInputException(refusals);
        }
    }
}
