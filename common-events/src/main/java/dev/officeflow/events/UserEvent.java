package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person was created, changed or deleted in the user service. On {@code delete} every service
 * purges what it holds for {@code user_id}.
 */
public record UserEvent(
    EventMetadata metadata,
    String userId,
    Operation operation,
    @Nullable String batchId,
    Instant lastUpdated,
    Instant syncTimestamp,
    @Nullable String provider,
    @Nullable String email)
    implements OfficeEvent {

  public UserEvent {
    DataEvents.check(metadata, userId, operation, lastUpdated, syncTimestamp, provider);
  }

  @Override
  public UserEvent withMetadata(EventMetadata metadata) {
    return new UserEvent(
        metadata, userId, operation, batchId, lastUpdated, syncTimestamp, provider, email);
  }
}
