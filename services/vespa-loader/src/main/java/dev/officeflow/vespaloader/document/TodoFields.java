package dev.officeflow.vespaloader.document;

import dev.officeflow.events.Todo;
import dev.officeflow.events.TodoEvent;

/** The {@code todo} document: title, notes as content, list, status and dates. */
final class TodoFields {

  private TodoFields() {}

  static void add(TodoEvent event, Todo todo, Fields fields) {
    fields
        .put("title", todo.title())
        .put("content", todo.description())
        .put("list_id", event.listId() != null ? event.listId() : todo.listId())
        .put("status", todo.status())
        .millis("due", todo.dueDate())
        .millis("completed", todo.completedDate());
  }
}
