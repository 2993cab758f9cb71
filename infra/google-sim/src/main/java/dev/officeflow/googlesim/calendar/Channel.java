package dev.officeflow.googlesim.calendar;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A registered {@code events.watch} channel. {@code messageNumber} counts the notifications sent on
 * it, starting with 1 for the {@code sync} message.
 */
public record Channel(
    String id,
    String resourceId,
    String resourceUri,
    String address,
    @Nullable String token,
    Instant expiration,
    String owner,
    AtomicLong messageNumber) {

  public long nextMessageNumber() {
    return messageNumber.incrementAndGet();
  }
}
