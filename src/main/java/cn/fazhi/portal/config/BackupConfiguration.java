package cn.fazhi.portal.config;

import cn.fazhi.portal.config.internal.BackupProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that runs the daily database dump ({@link DailyBackup}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(BackupProperties.class)
class BackupConfiguration {}
