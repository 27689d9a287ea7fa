package cn.fazhi.portal;

import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The tests' PostgreSQL: Testcontainers' when a Docker engine answers (GitHub's runners), the
 * embedded one otherwise (this machine and CI). Either way one real server per test JVM, shared by
 * every cached Spring context: tests commit, so they never assume empty tables.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    private static final boolean DOCKER = dockerAnswers();

    // the container outlives each context: other cached contexts still use it
    @Bean(destroyMethod = "")
    @ServiceConnection
    @Conditional(DockerAnswers.class)
    PostgreSQLContainer postgresContainer() {
        return SharedContainer.INSTANCE;
    }

    @Bean
    @Conditional(NoDocker.class)
    JdbcConnectionDetails embeddedPostgres() {
        return EmbeddedPostgresServer.ephemeral().connectionDetails();
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Started once; Testcontainers' Ryuk removes it when the JVM ends. */
    private static final class SharedContainer {
        static final PostgreSQLContainer INSTANCE = new PostgreSQLContainer("postgres:17-alpine");

        static {
            INSTANCE.start();
        }
    }

    static final class DockerAnswers implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DOCKER;
        }
    }

    static final class NoDocker implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !DOCKER;
        }
    }
}
