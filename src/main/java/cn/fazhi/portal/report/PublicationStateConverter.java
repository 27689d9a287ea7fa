package cn.fazhi.portal.report;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a publication state (公开状态) from a request's filter ({@code ?state=LATE},
 * {@code ?publication=OVERDUE}). Lenient like the filters' other choices: a value that names no
 * state filters nothing rather than refusing the page. Spring Boot adds every converter bean to
 * the web layer's conversion service.
 */
@Component
class PublicationStateConverter implements Converter<String, PublicationState> {

    @Override
    public PublicationState convert(String text) {
        for (PublicationState state : PublicationState.values()) {
            if (state.name().equals(text.strip())) {
                return state;
            }
        }
        return null;
    }
}
