package cn.fazhi.portal.config.internal;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** Where a PostgreSQL server is, in the form Boot builds its pool, Flyway and JPA from. */
public record PostgresConnection(String getJdbcUrl, String getUsername, String getPassword)
        implements JdbcConnectionDetails {}
