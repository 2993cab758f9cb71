package dev.officeflow.googlesim.gmail;

import java.time.Instant;
import java.util.List;

/**
 * An active {@code users.watch}: where to publish and which changes count.
 *
 * @param labelFilterBehavior {@code include} (only changes to messages with one of {@code
 *     labelIds}) or {@code exclude}; with no label ids every change counts
 */
public record GmailWatch(
    String topicName, List<String> labelIds, String labelFilterBehavior, Instant expiration) {

  public GmailWatch {
    labelIds = List.copyOf(labelIds);
  }

  /** Whether a change to a message carrying {@code labels} is notified. */
  public boolean covers(List<String> labels) {
    if (labelIds.isEmpty()) {
      return true;
    }
    boolean hit = labels.stream().anyMatch(labelIds::contains);
    return labelFilterBehavior.equalsIgnoreCase("exclude") ? !hit : hit;
  }
}
