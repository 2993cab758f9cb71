package dev.officeflow.events;

/**
 * A claim check: the payload of a large event stored elsewhere (Redis), and how to verify it.
 *
 * @param store where the payload lives ({@code redis})
 * @param key the store key, {@code office:{user_id}:{doc_type}:{doc_id}:{version}}
 * @param sizeBytes the payload's size as stored, in bytes
 * @param sha256 lowercase hex SHA-256 of the stored bytes
 */
public record PayloadRef(String store, String key, long sizeBytes, String sha256) {

  public static final String REDIS = "redis";

  public PayloadRef {
    Check.required(store, "store");
    Check.required(key, "key");
    Check.nonNegative(sizeBytes, "size_bytes");
    sha256 = Check.hex(Check.required(sha256, "sha256"), 64, "sha256");
  }

  /**
   * The Redis key layout of ARCHITECTURE §4. The version suffix (the first 16 hex digits of the
   * payload's SHA-256) keeps two versions of one item from overwriting each other's payload while
   * both events are in flight; re-publishing the same version reuses the key.
   */
  public static String redisKey(String userId, String docType, String docId, String sha256) {
    return "office:" + userId + ":" + docType + ":" + docId + ":" + sha256.substring(0, 16);
  }
}
