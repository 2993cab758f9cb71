package dev.officeflow.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The envelope every event carries: identity, origin, trace context and correlation.
 *
 * <p>{@code trace_id} (32 hex) and {@code span_id} (16 hex) come from the active span when one
 * exists; without one they are all zeros, the W3C "invalid" context, never invented.
 */
public record EventMetadata(
    String eventId,
    Instant timestamp,
    String sourceService,
    String sourceVersion,
    String traceId,
    String spanId,
    @Nullable String parentSpanId,
    @Nullable String requestId,
    @Nullable String userId,
    @Nullable String correlationId,
    @JsonDeserialize(using = LenientShapes.TextMap.class) Map<String, String> tags) {

  public static final String NO_TRACE_ID = "0".repeat(32);
  public static final String NO_SPAN_ID = "0".repeat(16);

  public EventMetadata {
    Check.uuid(eventId, "event_id");
    Check.timestamp(timestamp, "timestamp");
    Check.required(sourceService, "source_service");
    sourceVersion = sourceVersion == null ? "unknown" : sourceVersion;
    traceId = Check.hex(traceId, 32, "trace_id");
    spanId = Check.hex(spanId, 16, "span_id");
    tags = Check.map(tags);
  }

  /** Fresh metadata for a new event from {@code sourceService}, with no trace context yet. */
  public static EventMetadata create(
      String sourceService, String sourceVersion, @Nullable String userId, Clock clock) {
    return new EventMetadata(
        UUID.randomUUID().toString(),
        clock.instant(),
        sourceService,
        sourceVersion,
        NO_TRACE_ID,
        NO_SPAN_ID,
        null,
        null,
        userId,
        null,
        Map.of());
  }

  public EventMetadata withTrace(String traceId, String spanId, @Nullable String parentSpanId) {
    return new EventMetadata(
        eventId,
        timestamp,
        sourceService,
        sourceVersion,
        traceId,
        spanId,
        parentSpanId,
        requestId,
        userId,
        correlationId,
        tags);
  }

  public EventMetadata withCorrelationId(@Nullable String correlationId) {
    return new EventMetadata(
        eventId,
        timestamp,
        sourceService,
        sourceVersion,
        traceId,
        spanId,
        parentSpanId,
        requestId,
        userId,
        correlationId,
        tags);
  }

  public EventMetadata withTags(Map<String, String> tags) {
    return new EventMetadata(
        eventId,
        timestamp,
        sourceService,
        sourceVersion,
        traceId,
        spanId,
        parentSpanId,
        requestId,
        userId,
        correlationId,
        tags);
  }

  /** True when a real trace context is attached. */
  public boolean hasTrace() {
    return !NO_TRACE_ID.equals(traceId);
  }
}
