package cn.fazhi.portal.catalog;

import cn.fazhi.portal.catalog.internal.IndicatorForm;

/**
 * The catalogue indicator a group of custom figures is promoted into (并入已有指标), by its code; a
 * new indicator is described by an {@link IndicatorForm} instead.
 */
record PromotionChoice(String indicator) {

    boolean chosen() {
        return indicator != null && !indicator.isBlank();
    }
}
