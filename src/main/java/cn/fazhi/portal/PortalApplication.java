package cn.fazhi.portal;

import cn.fazhi.portal.config.DatabaseBackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PortalApplication {

    public static void main(String[] args) {
        // --backup[=DIR] and --restore=FILE run instead of the portal, then exit (README, Database)
        if (DatabaseBackupCommand.requested(args)) {
            System.exit(DatabaseBackupCommand.run(args));
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
