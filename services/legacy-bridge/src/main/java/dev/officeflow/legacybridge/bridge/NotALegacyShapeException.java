package dev.officeflow.legacybridge.bridge;

/**
 * A message the bridge cannot read as any deprecated shape: its reason starts with a code ({@code
 * unknown_shape}, {@code ambiguous_shape}, {@code invalid}) and goes with the whole message to the
 * dead-letter topic.
 */
final class NotALegacyShapeException extends RuntimeException {

  NotALegacyShapeException(String reason) {
    super(reason);
  }

  String reason() {
    return getMessage();
  }
}
