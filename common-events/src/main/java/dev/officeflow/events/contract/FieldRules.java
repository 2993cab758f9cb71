package dev.officeflow.events.contract;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.Document;
import dev.officeflow.events.DocumentEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventType;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.PayloadRef;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.Recurrence;
import dev.officeflow.events.Todo;
import dev.officeflow.events.TodoEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the record types alone do not tell the schema generator, keyed by record and component: the
 * checks of the compact constructors ({@code Check.required} refuses blank text, {@code
 * Check.uuid}, {@code Check.hex}, {@code Check.nonNegative}), the defaults writers fill in, and
 * payloads that are nullable only for reading the earlier pointer-only shape. A record component
 * that is not listed is typed by its Java type alone. Kept here, beside the generator, so the
 * records stay plain; {@code SchemasRefuseWhatTheCodecRefusesTest} fails when a check of the codec
 * has no rule.
 */
final class FieldRules {

  /** What a component's value must be beyond its type. */
  enum Constraint {
    /** No constraint beyond the type. */
    NONE,
    /** Text with a character that is not white space ({@code Check.required}). */
    NOT_BLANK,
    /** A uuid ({@code Check.uuid}). */
    UUID,
    /** 32 lowercase hex digits ({@code Check.hex}). */
    HEX_32,
    /** 16 lowercase hex digits ({@code Check.hex}). */
    HEX_16,
    /** 64 lowercase hex digits ({@code Check.hex}). */
    HEX_64,
    /** Zero or more ({@code Check.nonNegative}). */
    NON_NEGATIVE,
    /** 0 to 100 (a progress event's percent). */
    PERCENT,
    /**
     * Declared nullable so that the earlier pointer-only shape stays readable, but always written:
     * the writer's contract requires it.
     */
    ALWAYS_WRITTEN
  }

  /**
   * The rule of one component.
   *
   * @param constraint beyond the type
   * @param defaultValue what writers put when the source has nothing, or null
   * @param description a note for the schema's reader, or null
   */
  record Rule(Constraint constraint, @Nullable String defaultValue, @Nullable String description) {
    static final Rule NONE = new Rule(Constraint.NONE, null, null);
  }

  /** A record type and one of its components, by Java name. */
  record Key(Class<? extends Record> type, String component) {}

  private static final Map<Key, Rule> RULES = rules();

  private FieldRules() {}

  static Rule of(Class<? extends Record> type, String component) {
    return RULES.getOrDefault(new Key(type, component), Rule.NONE);
  }

  /** Every rule, for the test that checks each names a real component. */
  static Map<Key, Rule> all() {
    return RULES;
  }

  private static Map<Key, Rule> rules() {
    Map<Key, Rule> rules = new LinkedHashMap<>();
    for (EventType type : EventType.values()) {
      Class<? extends Record> event = type.eventClass().asSubclass(Record.class);
      put(rules, event, "userId", Constraint.NOT_BLANK);
      rules.put(
          new Key(event, "provider"),
          new Rule(
              Constraint.NOT_BLANK,
              null,
              "google, microsoft, ...: writers write the provider's name; readers map product"
                  + " names (gmail, outlook) to it"));
    }
    payload(rules, EmailEvent.class, "email", "body \"\"");
    payload(rules, CalendarEvent.class, "event", "description null");
    payload(rules, ContactEvent.class, "contact", "notes null");
    payload(rules, DocumentEvent.class, "document", "content \"\"");
    payload(rules, TodoEvent.class, "todo", "description null");
    put(rules, CalendarEvent.class, "calendarId", Constraint.NOT_BLANK);
    put(rules, IntegrationEvent.class, "integrationId", Constraint.NOT_BLANK);
    progress(rules);

    put(rules, EventMetadata.class, "eventId", Constraint.UUID);
    put(rules, EventMetadata.class, "sourceService", Constraint.NOT_BLANK);
    rules.put(
        new Key(EventMetadata.class, "traceId"),
        new Rule(Constraint.HEX_32, null, "W3C trace id; all zeros when no trace was active"));
    rules.put(
        new Key(EventMetadata.class, "spanId"),
        new Rule(Constraint.HEX_16, null, "W3C span id; all zeros when no trace was active"));
    put(rules, PayloadRef.class, "store", Constraint.NOT_BLANK);
    rules.put(
        new Key(PayloadRef.class, "key"),
        new Rule(
            Constraint.NOT_BLANK,
            null,
            "office:{user_id}:{doc_type}:{doc_id}:{version}, version = the first 16 hex digits of"
                + " sha256"));
    put(rules, PayloadRef.class, "sizeBytes", Constraint.NON_NEGATIVE);
    put(rules, PayloadRef.class, "sha256", Constraint.HEX_64);

    ids(rules, Email.class, "providerMessageId");
    put(rules, Email.class, "sizeBytes", Constraint.NON_NEGATIVE);
    ids(rules, CalendarEntry.class, "providerEventId");
    put(rules, CalendarEntry.class, "calendarId", Constraint.NOT_BLANK);
    rules.put(
        new Key(CalendarEntry.class, "endTime"),
        new Rule(Constraint.NONE, null, "Not before start_time (only the codec checks)"));
    defaulted(rules, CalendarEntry.class, "status", "confirmed");
    defaulted(rules, CalendarEntry.class, "visibility", "default");
    put(rules, CalendarEntry.Attendee.class, "email", Constraint.NOT_BLANK);
    ids(rules, Contact.class, "providerContactId");
    ids(rules, Document.class, "providerDocumentId");
    put(rules, Document.class, "sizeBytes", Constraint.NON_NEGATIVE);
    ids(rules, Todo.class, "providerTodoId");
    defaulted(rules, Todo.class, "status", "pending");
    defaulted(rules, Todo.class, "priority", "medium");
    for (String lines : new String[] {"rrule", "exrule", "rdate", "exdate"}) {
      rules.put(
          new Key(Recurrence.class, lines),
          new Rule(Constraint.NONE, null, "RFC 5545 content lines, property name included"));
    }
    return Map.copyOf(rules);
  }

  private static void progress(Map<Key, Rule> rules) {
    Class<ProgressEvent> event = ProgressEvent.class;
    describe(rules, event, "batchId", Constraint.NONE, "The job id, as job_id");
    put(rules, event, "jobId", Constraint.NOT_BLANK);
    describe(
        rules,
        event,
        "sequence",
        Constraint.NON_NEGATIVE,
        "Grows with each report of one job: a reader drops a report of the job it holds whose"
            + " sequence is not above the one it has");
    describe(
        rules,
        event,
        "phase",
        Constraint.NOT_BLANK,
        "The job's phase: calendar, mail, contacts, or done once every phase finished");
    describe(
        rules,
        event,
        "source",
        Constraint.NOT_BLANK,
        "The provider's name of the source being read (gmail, calendar, contacts), or null");
    describe(
        rules,
        event,
        "provisional",
        Constraint.NONE,
        "True until the job completed: what was read so far covers part of the window");
    for (String count : new String[] {"processed", "published", "skipped", "failed"}) {
      put(rules, event, count, Constraint.NON_NEGATIVE);
    }
    describe(
        rules,
        event,
        "estimate",
        Constraint.NON_NEGATIVE,
        "Items the job expects to read in all; 0 when unknown");
    put(rules, event, "percent", Constraint.PERCENT);
    describe(
        rules,
        event,
        "error",
        Constraint.NONE,
        "Why the job is retrying or failed: required (not blank) for those states");
    describe(
        rules,
        event,
        "skippedSources",
        Constraint.NONE,
        "Each source the job passed over, with the reason (contacts.other: missing scope)");
  }

  private static void describe(
      Map<Key, Rule> rules,
      Class<? extends Record> type,
      String component,
      Constraint c,
      String description) {
    rules.put(new Key(type, component), new Rule(c, null, description));
  }

  private static void put(
      Map<Key, Rule> rules, Class<? extends Record> type, String component, Constraint c) {
    rules.put(new Key(type, component), new Rule(c, null, null));
  }

  /** A payload record's own id, its provider and the provider's id of the item. */
  private static void ids(Map<Key, Rule> rules, Class<? extends Record> type, String providerId) {
    put(rules, type, "id", Constraint.NOT_BLANK);
    put(rules, type, "provider", Constraint.NOT_BLANK);
    put(rules, type, providerId, Constraint.NOT_BLANK);
  }

  /** Text the record replaces with a default when null or blank: writers never send it blank. */
  private static void defaulted(
      Map<Key, Rule> rules, Class<? extends Record> type, String component, String value) {
    rules.put(new Key(type, component), new Rule(Constraint.NOT_BLANK, value, null));
  }

  private static void payload(
      Map<Key, Rule> rules, Class<? extends Record> event, String component, String body) {
    rules.put(
        new Key(event, component),
        new Rule(
            Constraint.ALWAYS_WRITTEN,
            null,
            "Always present. In metadata_only mode and beside a payload_ref it comes without its"
                + " body ("
                + body
                + "); with a payload_ref the whole payload is in the store."));
  }
}
