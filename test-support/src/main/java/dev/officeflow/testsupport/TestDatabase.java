package dev.officeflow.testsupport;

/**
 * A fresh PostgreSQL database made for one test class by {@link Infrastructure#createDatabase}.
 * Connect as {@link Infrastructure#postgresUser()} with {@link Infrastructure#postgresPassword()}.
 *
 * @param name the database name, a plain lower-case identifier
 * @param jdbcUrl {@code jdbc:postgresql://host:port/name}
 * @param r2dbcUrl {@code r2dbc:postgresql://host:port/name}
 */
public record TestDatabase(String name, String jdbcUrl, String r2dbcUrl) {}
