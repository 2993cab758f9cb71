package dev.officeflow.notifier.stream;

import java.util.regex.Pattern;

/**
 * What one user is told: an SSE event type and its data, a JSON object as text on one line.
 *
 * @param type {@code progress}, {@code item}, {@code items}, {@code vip_candidates}, {@code
 *     integration} (services/notifier/README.md)
 * @param data JSON without line breaks
 */
public record Notification(String type, String data) {

  private static final Pattern TYPE = Pattern.compile("[a-z_]{1,40}");

  public Notification {
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("not an event type: " + type);
    }
    if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an event's data must be one line");
    }
  }
}
