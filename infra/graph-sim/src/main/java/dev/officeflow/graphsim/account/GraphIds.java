package dev.officeflow.graphsim.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Graph's identifiers: a user's id is a GUID; Outlook item ids are long opaque base64url strings
 * (with {@code -}, {@code _} and a {@code =} pad, so they must be percent-encoded in paths). Every
 * id is derived from stable inputs, so the same account spec gives the same ids on every run.
 */
public final class GraphIds {

  /** What kind of item an id names; each kind has its own leading bytes, as Outlook's do. */
  public enum Kind {
    MESSAGE(0x46),
    FOLDER(0x2E),
    CONVERSATION(0x10),
    EVENT(0x47),
    OCCURRENCE(0x51),
    CONTACT(0x43);

    private final int tag;

    Kind(int tag) {
      this.tag = tag;
    }
  }

  private GraphIds() {}

  /** The user id (object id) of an address: a name-based GUID, stable across runs. */
  public static String userId(String email) {
    byte[] name =
        ("graph-sim/user/" + email.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }

  /** An item id of {@code kind} for {@code source} within the account {@code accountId}. */
  public static String item(String accountId, Kind kind, String source) {
    byte[] hash = sha256(accountId + "|" + kind + "|" + source);
    ByteBuffer bytes = ByteBuffer.allocate(38);
    byte lead = kind == Kind.CONVERSATION ? (byte) 0x04 : (byte) 0x03;
    bytes.put((byte) 0).put(lead).put((byte) 0x24).put((byte) 0).put((byte) kind.tag).put((byte) 0);
    bytes.put(hash);
    return Base64.getUrlEncoder().encodeToString(bytes.array());
  }

  /** A Graph change key: opaque, different for every version of an item. */
  public static String changeKey(String id, long version) {
    byte[] hash = sha256(id + "#" + version);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(hash, 16));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
