package dev.officeflow.graphsim.account;

import dev.officeflow.simkit.calendar.EventRecord;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event (a single event or a series master) at one version, over the kit's provider-neutral
 * record. {@code previous} is the record before the last change, so a calendar view delta can tell
 * that an event moved out of its window.
 */
public record EventItem(
    String id,
    EventRecord record,
    @Nullable EventRecord previous,
    Instant lastModified,
    long version,
    boolean deleted)
    implements Versioned {

  public boolean isSeries() {
    return record.isRecurring();
  }

  EventItem changed(EventRecord next, Instant when, long newVersion) {
    return new EventItem(id, next, record, when, newVersion, false);
  }

  EventItem tombstone(Instant when, long newVersion) {
    return new EventItem(id, record, record, when, newVersion, true);
  }
}
