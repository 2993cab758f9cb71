package dev.officeflow.events.legacy;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.Contact;
import dev.officeflow.events.Email;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The seven deprecated shapes. Their messages carry no attributes, so a shape is told by the fields
 * it requires ({@link #matching}): a batch by its items' list plus {@code batch_id} and {@code
 * operation} (the backfill by {@code emails} plus {@code batch_size} instead), an update by its one
 * item plus {@code update_type}. A message with the fields of two shapes is ambiguous and of none
 * is unknown: either is refused, never guessed.
 */
public enum LegacyShape {
  EMAIL_BACKFILL(
      EmailBackfillEvent.class,
      Topics.EMAIL_BACKFILL,
      EventType.EMAIL,
      Email.class,
      "emails",
      true,
      "emails",
      "batch_size"),
  EMAIL_BATCH(
      EmailBatchEvent.class,
      Topics.EMAIL_BACKFILL,
      EventType.EMAIL,
      Email.class,
      "emails",
      true,
      "emails",
      "batch_id",
      "operation"),
  EMAIL_UPDATE(
      EmailUpdateEvent.class,
      Topics.EMAIL_UPDATES,
      EventType.EMAIL,
      Email.class,
      "email",
      false,
      "email",
      "update_type"),
  CALENDAR_UPDATE(
      CalendarUpdateEvent.class,
      Topics.CALENDAR_UPDATES,
      EventType.CALENDAR,
      CalendarEntry.class,
      "event",
      false,
      "event",
      "update_type"),
  CALENDAR_BATCH(
      CalendarBatchEvent.class,
      Topics.CALENDAR_UPDATES,
      EventType.CALENDAR,
      CalendarEntry.class,
      "events",
      true,
      "events",
      "batch_id",
      "operation"),
  CONTACT_UPDATE(
      ContactUpdateEvent.class,
      Topics.CONTACT_UPDATES,
      EventType.CONTACT,
      Contact.class,
      "contact",
      false,
      "contact",
      "update_type"),
  CONTACT_BATCH(
      ContactBatchEvent.class,
      Topics.CONTACT_UPDATES,
      EventType.CONTACT,
      Contact.class,
      "contacts",
      true,
      "contacts",
      "batch_id",
      "operation");

  private final Class<? extends LegacyEvent<?>> recordClass;
  private final String topic;
  private final EventType target;
  private final Class<?> itemClass;
  private final String itemsField;
  private final boolean batch;
  private final Set<String> requiredFields;

  @SuppressWarnings({"unchecked", "rawtypes"})
  LegacyShape(
      Class recordClass,
      String topic,
      EventType target,
      Class<?> itemClass,
      String itemsField,
      boolean batch,
      String... requiredFields) {
    this.recordClass = recordClass;
    this.topic = topic;
    this.target = target;
    this.itemClass = itemClass;
    this.itemsField = itemsField;
    this.batch = batch;
    this.requiredFields = Set.of(requiredFields);
  }

  /** Every shape whose telling fields are all among {@code fieldNames}. */
  public static List<LegacyShape> matching(Set<String> fieldNames) {
    return Arrays.stream(values()).filter(s -> fieldNames.containsAll(s.requiredFields)).toList();
  }

  static LegacyShape of(Class<?> recordClass) {
    return Arrays.stream(values())
        .filter(s -> s.recordClass.equals(recordClass))
        .findFirst()
        .orElseThrow();
  }

  /** The reference model's class name, e.g. {@code EmailBackfillEvent}. */
  public String modelName() {
    return recordClass.getSimpleName();
  }

  public Class<? extends LegacyEvent<?>> recordClass() {
    return recordClass;
  }

  /** The legacy topic the reference services publish it on. */
  public String topic() {
    return topic;
  }

  /** The typed event its items become. */
  public EventType target() {
    return target;
  }

  /** officeflow's payload record for one item. */
  public Class<?> itemClass() {
    return itemClass;
  }

  /** The field holding the items: a list for a batch, one object for an update. */
  public String itemsField() {
    return itemsField;
  }

  public boolean batch() {
    return batch;
  }

  /** The fields that tell this shape. */
  public Set<String> requiredFields() {
    return requiredFields;
  }
}
