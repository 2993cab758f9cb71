package dev.officeflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Creates a fresh database per call on the test PostgreSQL server. */
final class Databases {

  private static final String MAINTENANCE_DATABASE = "postgres";

  private final Endpoints endpoints;

  Databases(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  TestDatabase create(String prefix) {
    String name = Names.database(prefix);
    try (Connection connection = connect(MAINTENANCE_DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new TestInfrastructureException(
          "Could not create database "
              + name
              + " on PostgreSQL at "
              + endpoints.postgres()
              + " as "
              + endpoints.postgresUser()
              + ": "
              + e.getMessage(),
          e);
    }
    String address = "postgresql://" + endpoints.postgres() + "/" + name;
    return new TestDatabase(name, "jdbc:" + address, "r2dbc:" + address);
  }

  private Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", endpoints.postgresUser());
    properties.setProperty("password", endpoints.postgresPassword());
    return DriverManager.getConnection(
        "jdbc:postgresql://" + endpoints.postgres() + "/" + database, properties);
  }
}
