package cn.fazhi.portal.config.internal;

import cn.fazhi.portal.config.HeavyRoute;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many heavy requests of each kind run at once, and how long one waits for its turn before the
 * answer is 503 with {@code Retry-After}. Sized so that the largest accepted file of each kind,
 * times the limit, fits a 512 MB heap with room for everyone else.
 *
 * @param imports parsed uploads at once
 * @param exports generated files at once
 * @param extractions report texts read at once
 * @param evidence evidence uploads and downloads at once (streamed: each holds a small buffer)
 * @param queueWait how long a request waits for a free place
 * @param retryAfter what the 503 tells the client to wait
 */
@ConfigurationProperties("portal.heavy-requests")
public record HeavyRequestLimits(
        @DefaultValue("3") int imports,
        @DefaultValue("4") int exports,
        @DefaultValue("2") int extractions,
        @DefaultValue("16") int evidence,
        @DefaultValue("3s") Duration queueWait,
        @DefaultValue("10s") Duration retryAfter) {

    int of(HeavyRoute.Kind kind) {
        return switch (kind) {
            case IMPORT -> imports;
            case EXPORT -> exports;
            case EXTRACTION -> extractions;
            case EVIDENCE -> evidence;
        };
    }
}
