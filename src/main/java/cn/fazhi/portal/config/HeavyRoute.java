package cn.fazhi.portal.config;

import cn.fazhi.portal.config.internal.HeavyRequestLimiter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A route whose requests cost much memory or CPU (重负载请求): an upload that is parsed, a file
 * that is built or streamed. Each feature declares its own as beans; {@link HeavyRequestLimiter}
 * bounds how many of each kind run at once.
 *
 * <p>The handler must finish its work on the request's thread (no {@code StreamingResponseBody}
 * or other async return), so that the limit holds until the last byte is written.
 */
public record HeavyRoute(HeavyRoute.Kind kind, RequestMatcher matcher) {

    /** Kinds share one limit each: ten exports do not starve the imports. */
    public enum Kind {
        /** Uploads that are parsed: Excel forms, population tables, report texts. */
        IMPORT,
        /** Files built on request: Excel and CSV exports, documents. */
        EXPORT,
        /** Reading the figures out of a report text. */
        EXTRACTION,
        /** Evidence files streamed in or out. */
        EVIDENCE
    }
}
