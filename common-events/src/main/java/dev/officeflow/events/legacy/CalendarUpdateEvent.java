package dev.officeflow.events.legacy;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.EventMetadata;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reference's deprecated single calendar change on {@code calendar-updates}: told by {@code
 * event} and {@code update_type}.
 */
public record CalendarUpdateEvent(
    EventMetadata metadata,
    String userId,
    CalendarEntry event,
    String updateType,
    @Nullable String changeReason)
    implements LegacyEvent<CalendarEntry> {

  public CalendarUpdateEvent {
    Legacy.required(metadata, "metadata");
    Legacy.required(userId, "user_id");
    Legacy.required(event, "event");
    Legacy.required(updateType, "update_type");
  }

  @Override
  public List<CalendarEntry> items() {
    return List.of(event);
  }

  @Override
  public CalendarUpdateEvent withItems(List<CalendarEntry> items) {
    return new CalendarUpdateEvent(
        metadata, userId, Legacy.single(items, "event"), updateType, changeReason);
  }
}
