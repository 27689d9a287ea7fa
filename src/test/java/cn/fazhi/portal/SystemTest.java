package cn.fazhi.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the portal as a system: it starts a portal JVM, a PostgreSQL server or a database of its
 * own (a heap limit, an outage, a backup and restore), which takes tens of seconds. Run by Failsafe in
 * {@code ./mvnw verify}, not by {@code ./mvnw test} (see the test groups in pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("system")
public @interface SystemTest {}
