package dev.officeflow.graphsim.calendar;

import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.simkit.calendar.EventRecord;
import org.jspecify.annotations.Nullable;

/**
 * One event as a calendar view lists it: a single instance, a series master, or one occurrence of a
 * series (its own id, its master's id, its own start and end).
 *
 * @param type {@code singleInstance}, {@code seriesMaster} or {@code occurrence}
 * @param record the event, or for an occurrence the series at that occurrence's times
 */
record Instance(
    String id, String type, @Nullable String seriesMasterId, EventRecord record, EventItem item) {

  long version() {
    return item.version();
  }
}
