package cn.fazhi.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole portal on a real server port and a real PostgreSQL, with the demo data. Every
 * full-context test uses exactly this, so that Spring builds the context once per test run. The
 * application's clock is a {@link TestClock} that a test may move. Tagged for Failsafe: `./mvnw verify`
 * runs these, `./mvnw test` the layers below them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "portal.embedded-postgres.enabled=false",
            // tests read the national views as they are, not the page that says they are being computed
            "portal.dashboards.national-wait=60s"
        })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import({TestDatabase.class, TestClock.Config.class, StatementCounting.class, TestFixtures.class})
public @interface PortalTest {}
