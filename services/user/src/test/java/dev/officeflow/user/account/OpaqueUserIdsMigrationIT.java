package dev.officeflow.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.TestDatabase;
import dev.officeflow.user.crypto.TokenCipher;
import dev.officeflow.user.crypto.TokenEncryptionSettings;
import dev.officeflow.user.testing.UserFixtures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V3 on a database that V1 and V2 filled as the service did before: every id is kept, the tokens
 * encrypted for a uuid user still decrypt, the foreign keys still cascade, and the database refuses
 * an id of a shape the service would refuse.
 */
@IntegrationTest
class OpaqueUserIdsMigrationIT {

  private static final String KEY = UserFixtures.aesKey();
  private static final TokenCipher CIPHER =
      new TokenCipher(new TokenEncryptionSettings("k1", Map.of("k1", KEY)));

  private final TestDatabase database = Infrastructure.createDatabase("user_v3");
  private final UUID user = UUID.randomUUID();
  private final UUID integration = UUID.randomUUID();

  @Test
  void existingUuidIdsAndTheirEncryptedTokensSurviveAsText() throws SQLException {
    migrate("2");
    seedAsBeforeV3();

    migrate(null);

    try (Connection c = connect()) {
      assertThat(
              text(
                  c,
                  "SELECT data_type FROM information_schema.columns"
                      + " WHERE table_name = 'users' AND column_name = 'id'"))
          .isEqualTo("text");
      assertThat(text(c, "SELECT id FROM users")).isEqualTo(user.toString());
      String owner = text(c, "SELECT user_id FROM integrations");
      assertThat(owner).isEqualTo(user.toString());
      byte[] access = bytes(c, "SELECT access_token FROM integration_tokens");
      assertThat(CIPHER.decrypt(access, binding(owner))).isEqualTo("ya29.before-v3");
      assertThat(text(c, "SELECT user_id FROM held_grants")).isEqualTo(user.toString());
    }
  }

  @Test
  void foreignKeysStillCascadeFromTheTextId() throws SQLException {
    migrate("2");
    seedAsBeforeV3();
    migrate(null);

    try (Connection c = connect()) {
      execute(c, "DELETE FROM users WHERE id = ?", user.toString());

      assertThat(text(c, "SELECT count(*)::text FROM integrations")).isEqualTo("0");
      assertThat(text(c, "SELECT count(*)::text FROM integration_audit")).isEqualTo("0");
      assertThat(text(c, "SELECT count(*)::text FROM integration_tokens")).isEqualTo("0");
    }
  }

  @Test
  void theDatabaseRefusesAnIdTheServiceWouldRefuse() throws SQLException {
    migrate(null);

    try (Connection c = connect()) {
      execute(c, insertUser(), "user_2NNEqL2nrIRdJ194ndJqAHwEfxC", "ok@acme.test");
      assertThatThrownBy(() -> execute(c, insertUser(), "x' OR '1'='1", "bad@acme.test"))
          .hasMessageContaining("users_id_shape");
      assertThatThrownBy(() -> execute(c, insertUser(), "u".repeat(256), "long@acme.test"))
          .hasMessageContaining("users_id_shape");
    }
  }

  private void seedAsBeforeV3() throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = connect()) {
      execute(c, insertUser(), user, "old@acme.test");
      execute(
          c,
          "INSERT INTO integrations (id, user_id, provider, status, created_at, updated_at)"
              + " VALUES (?, ?, 'google', 'active', now(), now())",
          integration,
          user);
      execute(
          c,
          "INSERT INTO integration_tokens (integration_id, access_token, access_expires_at,"
              + " updated_at) VALUES (?, ?, ?, ?)",
          integration,
          CIPHER.encrypt("ya29.before-v3", binding(user.toString())),
          now,
          now);
      execute(
          c,
          "INSERT INTO integration_audit (user_id, integration_id, provider, action, at)"
              + " VALUES (?, ?, 'google', 'connected', now())",
          user,
          integration);
      execute(
          c,
          "INSERT INTO held_grants (integration_id, user_id, provider, access_token,"
              + " access_expires_at, held_at, release_at) VALUES (?, ?, 'microsoft', ?, ?, ?, ?)",
          UUID.randomUUID(),
          user,
          new byte[] {1},
          now,
          now,
          now);
    }
  }

  private static String insertUser() {
    return "INSERT INTO users (id, email, created_at, updated_at) VALUES (?, ?, now(), now())";
  }

  private static TokenCipher.Binding binding(String userId) {
    return new TokenCipher.Binding(userId, "google", "access_token");
  }

  private void migrate(String target) {
    var config =
        Flyway.configure()
            .dataSource(
                database.jdbcUrl(),
                Infrastructure.postgresUser(),
                Infrastructure.postgresPassword());
    (target == null ? config : config.target(target)).load().migrate();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        database.jdbcUrl(), Infrastructure.postgresUser(), Infrastructure.postgresPassword());
  }

  private static void execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static byte[] bytes(Connection c, String sql) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getBytes(1);
    }
  }
}
