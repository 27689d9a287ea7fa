package cn.fazhi.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A sweep over the whole portal (every POST route fuzzed, every public page crawled) rather than a
 * check of one behaviour; thousands of requests. Run by Failsafe in {@code ./mvnw verify}, not by
 * {@code ./mvnw test} (see the test groups in pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("sweep")
public @interface SweepTest {}
