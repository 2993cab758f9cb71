package dev.officeflow.googlesim.calendar;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A registered {@code events.watch} channel. {@code messageNumber} counts the notifications sent on
 * it, starting with 1 for the {@code sync} message.
 *
 * @param owner the account whose calendar is watched
 * @param calendarId the watched calendar's id (the owner's address for the primary calendar)
 */
public record Channel(
    String id,
    String resourceId,
    String resourceUri,
    String address,
    @Nullable String token,
    Instant expiration,
    String owner,
    String calendarId,
    AtomicLong messageNumber) {

  public long nextMessageNumber() {
    return messageNumber.incrementAndGet();
  }
}
