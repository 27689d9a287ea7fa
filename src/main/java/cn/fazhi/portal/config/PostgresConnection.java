package cn.fazhi.portal.config;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** Where a PostgreSQL server is, in the form Boot builds its pool, Flyway and JPA from. */
record PostgresConnection(String getJdbcUrl, String getUsername, String getPassword) implements JdbcConnectionDetails {}
