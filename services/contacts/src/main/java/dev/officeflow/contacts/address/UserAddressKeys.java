package dev.officeflow.contacts.address;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Each user's address salt ({@code user_address_keys}): created with the user's first sealed
 * address, deleted with the user by the purge, which is what makes their addresses unreadable
 * ({@link AddressCipher}). Joins the caller's transaction.
 */
public final class UserAddressKeys {

  /** The table; the purge deletes the user's row with every other. */
  public static final String TABLE = "user_address_keys";

  /** Sorted, so that concurrent batches insert (and lock) new users in one order. */
  private static final String CREATE =
      """
      INSERT INTO user_address_keys (user_id, salt)
      SELECT k.u, decode(k.s, 'hex') FROM unnest(:users::text[], :salts::text[]) AS k(u, s)
      ORDER BY k.u
      ON CONFLICT (user_id) DO NOTHING
      """;

  private static final String READ =
      "SELECT user_id, salt FROM user_address_keys WHERE user_id = ANY(:users::text[])";

  private final DatabaseClient db;
  private final AddressCipher cipher;

  public UserAddressKeys(DatabaseClient db, AddressCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /**
   * The salt of each of {@code users}, created for those who have none. Call only under the users'
   * write lock, after checking they are not forgotten: a purged user must not get a new salt.
   */
  public Mono<Map<String, byte[]>> salts(Collection<String> users) {
    String[] ids = users.stream().distinct().sorted().toArray(String[]::new);
    if (ids.length == 0) {
      return Mono.just(Map.of());
    }
    HexFormat hex = HexFormat.of();
    String[] salts = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      salts[i] = hex.formatHex(cipher.newSalt());
    }
    return db.sql(CREATE)
        .bind("users", ids)
        .bind("salts", salts)
        .then()
        .then(
            db.sql(READ)
                .bind("users", ids)
                .map(
                    (row, meta) ->
                        Map.entry(
                            Objects.requireNonNull(row.get("user_id", String.class)),
                            bytes(Objects.requireNonNull(row.get("salt", ByteBuffer.class)))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new));
  }

  private static byte[] bytes(ByteBuffer value) {
    byte[] out = new byte[value.remaining()];
    value.get(out);
    return out;
  }
}
