package dev.officeflow.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A task from a provider's to-do lists, typed as the reference's {@code TodoData}: {@code title}
 * and {@code creator_email} are always text (empty when unknown), {@code status} defaults to {@code
 * pending} and {@code priority} to {@code medium}; {@code metadata} is free-form. Reads the {@code
 * completed_at} officeflow wrote before as {@code completed_date}. {@code description} is null
 * beside a payload pointer and in {@code metadata_only} mode.
 */
public record Todo(
    String id,
    String title,
    @Nullable String description,
    String status,
    String priority,
    @Nullable Instant dueDate,
    @JsonAlias("completed_at") @Nullable Instant completedDate,
    @Nullable String assigneeEmail,
    String creatorEmail,
    List<String> tags,
    @Nullable String parentTodoId,
    List<String> subtaskIds,
    String provider,
    String providerTodoId,
    @Nullable String listId,
    @JsonDeserialize(using = LenientShapes.AnyObject.class)
        Map<String, @Nullable Object> metadata) {

  public Todo {
    Check.required(id, "id");
    title = Check.text(title);
    status = Check.orDefault(status, "pending");
    priority = Check.orDefault(priority, "medium");
    creatorEmail = Check.text(creatorEmail);
    tags = Check.list(tags, "tags");
    subtaskIds = Check.list(subtaskIds, "subtask_ids");
    provider = Check.required(Providers.canonical(provider), "provider");
    Check.required(providerTodoId, "provider_todo_id");
    metadata = Check.object(metadata);
  }

  /** The same task without its description: {@code metadata_only}, or beside a pointer. */
  public Todo withoutDescription() {
    return new Todo(
        id,
        title,
        null,
        status,
        priority,
        dueDate,
        completedDate,
        assigneeEmail,
        creatorEmail,
        tags,
        parentTodoId,
        subtaskIds,
        provider,
        providerTodoId,
        listId,
        metadata);
  }
}
