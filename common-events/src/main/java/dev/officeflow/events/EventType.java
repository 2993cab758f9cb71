package dev.officeflow.events;

import dev.officeflow.events.catalog.Topics;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of event: the topic each travels on, its CloudEvents {@code ce-type}, and its document
 * type (used in payload pointer keys and Vespa document ids).
 */
public enum EventType {
  EMAIL(Topics.EMAILS, "email", EmailEvent.class),
  CALENDAR(Topics.CALENDARS, "calendar_event", CalendarEvent.class),
  CONTACT(Topics.CONTACTS, "contact", ContactEvent.class),
  DOCUMENT(Topics.DOCUMENTS, "office_document", DocumentEvent.class),
  TODO(Topics.TODOS, "todo", TodoEvent.class),
  INTEGRATION(Topics.INTEGRATIONS, "integration", IntegrationEvent.class),
  USER(Topics.USERS, "user", UserEvent.class),
  PROGRESS(Topics.PROGRESS, "backfill_progress", ProgressEvent.class);

  private final String topic;
  private final String docType;
  private final Class<? extends OfficeEvent> eventClass;

  EventType(String topic, String docType, Class<? extends OfficeEvent> eventClass) {
    this.topic = topic;
    this.docType = docType;
    this.eventClass = eventClass;
  }

  public String topic() {
    return topic;
  }

  public String docType() {
    return docType;
  }

  public Class<? extends OfficeEvent> eventClass() {
    return eventClass;
  }

  /** The CloudEvents type, e.g. {@code dev.officeflow.email.v1}. */
  public String ceType() {
    return "dev.officeflow." + name().toLowerCase(java.util.Locale.ROOT) + ".v1";
  }

  public static EventType of(OfficeEvent event) {
    return Arrays.stream(values())
        .filter(t -> t.eventClass.isInstance(event))
        .findFirst()
        .orElseThrow();
  }

  public static Optional<EventType> ofCeType(String ceType) {
    return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
  }

  /** The type a topic carries; used when a message has no attributes (reference producers). */
  public static Optional<EventType> ofTopic(String topic) {
    return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
  }
}
