package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A task was created, changed or deleted; {@code list_id} names its list. */
public record TodoEvent(
    EventMetadata metadata,
    String userId,
    Operation operation,
    @Nullable String batchId,
    Instant lastUpdated,
    Instant syncTimestamp,
    String provider,
    SyncType syncType,
    @Nullable Todo todo,
    @Nullable PayloadRef payloadRef,
    @Nullable String listId)
    implements DataEvent<Todo> {

  public TodoEvent {
    DataEvents.check(metadata, userId, operation, lastUpdated, syncTimestamp, provider);
    provider = Check.required(Providers.canonical(provider), "provider");
    // The reference has no sync_type on most events (and "sync" by default on emails): absent
    // reads as incremental_sync. officeflow always writes it.
    syncType = syncType == null ? SyncType.INCREMENTAL_SYNC : syncType;
    DataEvents.checkPayload(todo, payloadRef, "todo");
  }

  @Override
  public @Nullable Todo payload() {
    return todo;
  }

  @Override
  public String providerItemId() {
    return todo != null ? todo.providerTodoId() : DataEvents.docId(payloadRef, "todo");
  }

  @Override
  public TodoEvent withPayload(Todo payload) {
    return new TodoEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        payload,
        null,
        listId);
  }

  @Override
  public TodoEvent withPayloadRef(PayloadRef ref) {
    return new TodoEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        todo == null ? null : todo.withoutDescription(),
        ref,
        listId);
  }

  @Override
  public TodoEvent withoutBody() {
    return new TodoEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        todo == null ? null : todo.withoutDescription(),
        payloadRef,
        listId);
  }

  @Override
  public TodoEvent withMetadata(EventMetadata metadata) {
    return new TodoEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        todo,
        payloadRef,
        listId);
  }

  @Override
  public Class<Todo> payloadType() {
    return Todo.class;
  }
}
