package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.config.internal.LocalOnlyDemo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LocalOnlyDemoTests {

    private final LocalOnlyDemo postProcessor = new LocalOnlyDemo();

    @Test
    void theDefaultDemoListensOnLoopbackOnly() {
        MockEnvironment environment = new MockEnvironment();
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void aChosenDatabaseProfileOrAddressIsLeftAlone() {
        MockEnvironment database =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x");
        postProcessor.postProcessEnvironment(database, new SpringApplication());
        assertThat(database.getProperty("server.address")).isNull();

        MockEnvironment profile = new MockEnvironment().withProperty("spring.profiles.active", "demo");
        postProcessor.postProcessEnvironment(profile, new SpringApplication());
        assertThat(profile.getProperty("server.address")).isNull();

        MockEnvironment address = new MockEnvironment().withProperty("server.address", "0.0.0.0");
        postProcessor.postProcessEnvironment(address, new SpringApplication());
        assertThat(address.getProperty("server.address")).isEqualTo("0.0.0.0");
    }
}
