package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A task from a provider's to-do lists. */
public record Todo(
    String id,
    @Nullable String title,
    @Nullable String description,
    @Nullable String status,
    @Nullable Instant dueDate,
    @Nullable Instant completedAt,
    @Nullable String priority,
    String provider,
    String providerTodoId,
    @Nullable String listId) {

  public Todo {
    Check.required(id, "id");
    Check.required(provider, "provider");
    Check.required(providerTodoId, "provider_todo_id");
  }
}
