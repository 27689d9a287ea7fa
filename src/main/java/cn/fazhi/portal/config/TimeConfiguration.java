package cn.fazhi.portal.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal's clock: deadlines and "today" are those of China, whatever the server's zone. */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }
}
