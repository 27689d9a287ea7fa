package cn.fazhi.portal.config;

import cn.fazhi.portal.config.internal.DatabaseOutagePages;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the portal does while its database is out of reach, embedded or not: connections are
 * refused at once rather than after the pool's timeout ({@link FailFastDataSource}, the timeout
 * itself is in application.properties), pages answer 503 ({@link DatabaseOutagePages}), and
 * health says DOWN (Boot's {@code db} indicator, through the same fail-fast pool). The pool
 * reconnects by itself once the database is back.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

    @Bean
    static BeanPostProcessor failFastDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof FailFastDataSource)
                        ? new FailFastDataSource(pool)
                        : bean;
            }
        };
    }

    @Bean
    DatabaseOutagePages databaseOutagePages() {
        return new DatabaseOutagePages();
    }

    @Bean
    FilterRegistrationBean<DatabaseOutagePages> databaseOutageFilter(DatabaseOutagePages pages) {
        FilterRegistrationBean<DatabaseOutagePages> registration = new FilterRegistrationBean<>(pages);
        registration.setOrder(DatabaseOutagePages.FILTER_ORDER);
        return registration;
    }
}
