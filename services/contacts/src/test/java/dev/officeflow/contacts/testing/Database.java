package dev.officeflow.contacts.testing;

import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.TestDatabase;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/** Plain JDBC reads of the service's database, for assertions, and writes to stage data. */
public final class Database {

  private final TestDatabase database;

  Database(TestDatabase database) {
    this.database = database;
  }

  /** The first column of every row of {@code sql}, as text. */
  public List<String> column(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          out.add(rows.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement that returns no rows (to stage data a test needs); the rows it changed. */
  public int update(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public long count(String sql, Object... args) {
    return Long.parseLong(column(sql, args).get(0));
  }

  /** The tables of the service (Flyway's history excluded). */
  public List<String> tables() {
    return column(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'"
            + " ORDER BY table_name");
  }

  /**
   * Every row of every table (Flyway's history included) as PostgreSQL's COPY text, {@code bytea}
   * in the escape format (printable bytes as themselves), so a text stored as bytes shows too.
   */
  public String dump() {
    try (Connection c = connect()) {
      try (java.sql.Statement set = c.createStatement()) {
        set.execute("SET bytea_output = 'escape'");
      }
      StringWriter out = new StringWriter();
      List<String> all =
          column(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                  + " AND table_type = 'BASE TABLE'");
      for (String table : all) {
        out.write("-- " + table + "\n");
        c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY \"" + table + "\" TO STDOUT", out);
      }
      return out.toString();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        database.jdbcUrl(), Infrastructure.postgresUser(), Infrastructure.postgresPassword());
  }
}
