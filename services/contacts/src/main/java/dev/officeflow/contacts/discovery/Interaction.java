package dev.officeflow.contacts.discovery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One participant's part in one item (a message, a meeting occurrence). Carries no address: the
 * participant is its contact hash.
 *
 * @param sourceId the provider item id, or {@code <event id>_<epoch seconds>} for one occurrence of
 *     a recurring meeting
 * @param copied outbound: the contact was only on Cc/Bcc; inbound: the user was only on Cc (or not
 *     addressed at all)
 * @param groupSize people on the item, the user included
 * @param automated the item came from an automated sender (lists, notifications)
 * @param displayName the cleaned display name, if the item showed one
 */
public record Interaction(
    String sourceId,
    String participant,
    Direction direction,
    Kind kind,
    boolean copied,
    int groupSize,
    Instant occurredAt,
    boolean automated,
    @Nullable String displayName,
    String domain) {

  /** Who started the interaction. */
  public enum Direction {
    /** The user sent the message or organised the meeting. */
    OUTBOUND,
    /** The contact sent the message or organised the meeting. */
    INBOUND,
    /** Both received a message someone else sent. */
    SHARED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What kind of contact it was. */
  public enum Kind {
    EMAIL_TO,
    EMAIL_CC,
    EMAIL_FROM,
    EMAIL_SHARED,
    MEETING;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
