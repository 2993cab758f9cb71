package dev.officeflow.user.testing;

import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's tables directly over JDBC, as an operator (or an attacker) would. */
public final class Sql {

  private final TestDatabase database;

  Sql(TestDatabase database) {
    this.database = database;
  }

  public long count(String table, String userId) {
    String where =
        switch (table) {
          case "integration_tokens" ->
              "integration_id IN (SELECT id FROM integrations WHERE user_id = ?)";
          case "users" -> "id = ?";
          default -> "user_id = ?";
        };
    Object count = query("SELECT count(*) FROM " + table + " WHERE " + where, userId).get(0).get(0);
    return ((Number) count).longValue();
  }

  /** The raw token columns of the user's integration: access_token, refresh_token. */
  public List<byte[]> tokenColumns(String userId) {
    List<Object> row =
        query(
                "SELECT t.access_token, t.refresh_token FROM integration_tokens t"
                    + " JOIN integrations i ON i.id = t.integration_id WHERE i.user_id = ?",
                userId)
            .get(0);
    return List.of((byte[]) row.get(0), (byte[]) row.get(1));
  }

  public String status(String userId) {
    return (String)
        query("SELECT status FROM integrations WHERE user_id = ?", userId).get(0).get(0);
  }

  /** Copies one user's token ciphertexts onto another user's token row. */
  public void copyTokens(String from, String to) {
    update(
        "UPDATE integration_tokens SET access_token = s.access_token,"
            + " refresh_token = s.refresh_token FROM integration_tokens s"
            + " JOIN integrations si ON si.id = s.integration_id AND si.user_id = ?"
            + " WHERE integration_tokens.integration_id ="
            + " (SELECT id FROM integrations WHERE user_id = ?)",
        from,
        to);
  }

  public List<List<Object>> query(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement statement = prepare(c, sql, params);
        ResultSet rows = statement.executeQuery()) {
      List<List<Object>> out = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getObject(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private void update(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement statement = prepare(c, sql, params)) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
    return statement;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        database.jdbcUrl(), Infrastructure.postgresUser(), Infrastructure.postgresPassword());
  }
}
