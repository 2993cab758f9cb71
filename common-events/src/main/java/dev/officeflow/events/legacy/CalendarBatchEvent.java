package dev.officeflow.events.legacy;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.EventMetadata;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reference's deprecated calendar batch on {@code calendar-updates}: told by {@code events},
 * {@code batch_id} and {@code operation}; every item is of {@code calendar_id}.
 */
public record CalendarBatchEvent(
    EventMetadata metadata,
    String userId,
    String provider,
    List<CalendarEntry> events,
    String operation,
    String batchId,
    String calendarId,
    @Nullable Instant startDate,
    @Nullable Instant endDate)
    implements LegacyEvent<CalendarEntry> {

  public CalendarBatchEvent {
    Legacy.required(metadata, "metadata");
    Legacy.required(userId, "user_id");
    Legacy.required(provider, "provider");
    events = Legacy.items(events, "events");
    Legacy.required(operation, "operation");
    Legacy.required(batchId, "batch_id");
    Legacy.required(calendarId, "calendar_id");
  }

  @Override
  public List<CalendarEntry> items() {
    return events;
  }

  @Override
  public CalendarBatchEvent withItems(List<CalendarEntry> items) {
    return new CalendarBatchEvent(
        metadata, userId, provider, items, operation, batchId, calendarId, startDate, endDate);
  }
}
