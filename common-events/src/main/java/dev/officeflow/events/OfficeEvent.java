package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What every officeflow event has in common (ARCHITECTURE §4). The body carries no type field: the
 * topic and the {@code ce-type} attribute say what an event is ({@link EventType}).
 */
public sealed interface OfficeEvent permits DataEvent, IntegrationEvent, UserEvent, ProgressEvent {

  EventMetadata metadata();

  String userId();

  Operation operation();

  /** The backfill job that produced the event, or null for live changes. */
  @Nullable String batchId();

  /** When the item last changed at the provider (or, for officeflow's own events, here). */
  Instant lastUpdated();

  /** When officeflow read the item. */
  Instant syncTimestamp();

  /** {@code google}, {@code microsoft}, ...; null only for provider-less user events. */
  @Nullable String provider();

  /** The same event with other metadata (trace context, correlation). */
  OfficeEvent withMetadata(EventMetadata metadata);
}
