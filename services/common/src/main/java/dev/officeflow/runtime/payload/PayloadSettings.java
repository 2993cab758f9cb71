package dev.officeflow.runtime.payload;

import java.time.Duration;

/**
 * When a payload goes by pointer.
 *
 * @param thresholdBytes payloads larger than this (serialized) are stored in Redis; default 64 KiB
 * @param ttl how long a stored payload lives; default 24 h, longer than any retry schedule
 * @param metadataOnly when true, bodies (email body, document content) are never sent
 */
public record PayloadSettings(int thresholdBytes, Duration ttl, boolean metadataOnly) {

  public static final PayloadSettings DEFAULTS =
      new PayloadSettings(64 * 1024, Duration.ofHours(24), false);

  public PayloadSettings {
    if (thresholdBytes < 0) {
      throw new IllegalArgumentException("payload threshold must not be negative");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("payload ttl must be positive");
    }
  }
}
