package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Checks shared by the event records' compact constructors. */
final class DataEvents {

  private DataEvents() {}

  static void check(
      EventMetadata metadata,
      String userId,
      Operation operation,
      Instant lastUpdated,
      Instant syncTimestamp,
      @Nullable String provider) {
    Check.required(metadata, "metadata");
    Check.required(userId, "user_id");
    Check.required(operation, "operation");
    Check.timestamp(lastUpdated, "last_updated");
    Check.timestamp(syncTimestamp, "sync_timestamp");
    if (provider != null && provider.isBlank()) {
      throw new EventValidationException("provider", "blank");
    }
  }

  static void checkPayload(@Nullable Object payload, @Nullable PayloadRef ref, String field) {
    if (payload == null && ref == null) {
      throw new EventValidationException(field, "missing (and no payload_ref)");
    }
  }

  /** The document id inside a payload pointer's key ({@code office:u:type:id:version}). */
  static String docId(@Nullable PayloadRef ref, String docType) {
    String key = Check.required(ref, "payload_ref").key();
    String marker = ":" + docType + ":";
    int at = key.indexOf(marker);
    if (at < 0) {
      throw new EventValidationException("payload_ref.key", "not a " + docType + " key");
    }
    int end = key.lastIndexOf(':');
    if (end < at + marker.length()) {
      throw new EventValidationException("payload_ref.key", "no version suffix");
    }
    return key.substring(at + marker.length(), end);
  }
}
