package cn.fazhi.portal.config;

import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Whether the demo data (seed counties, demo accounts) goes into this database.
 *
 * <p>The {@code demo} profile is on by default, but a default must never write demo accounts
 * into a real server: unless the profile was asked for explicitly, demo data is loaded only
 * into the embedded database.
 */
@Component
@Profile("demo")
public class DemoMode {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    private final boolean enabled;

    DemoMode(Environment environment, ObjectProvider<EmbeddedPostgresServer> embedded) {
        boolean asked = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        this.enabled = asked || embedded.getIfAvailable() != null;
        if (!enabled) {
            log.info("Demo data is not loaded into an external database; "
                    + "set SPRING_PROFILES_ACTIVE=demo to load it");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** The rows of a demo CSV file on the class path (UTF-8, first line is the header). */
    public static List<CSVRecord> readCsv(String location) {
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(location).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data " + location, e);
        }
    }
}
