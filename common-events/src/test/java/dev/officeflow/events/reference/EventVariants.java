package dev.officeflow.events.reference;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.Document;
import dev.officeflow.events.DocumentEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.PayloadRef;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.Todo;
import dev.officeflow.events.TodoEvent;
import dev.officeflow.events.codec.EventCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shapes officeflow sends one event in: how it was produced (backfill, incremental, real time),
 * how its body travels (inline, behind a payload pointer, left out), and a payload with only what
 * the records require.
 */
final class EventVariants {

  private static final EventCodec CODEC = new EventCodec();

  private EventVariants() {}

  /** How the payload's body travels. */
  enum BodyMode {
    FULL,
    POINTER,
    METADATA_ONLY
  }

  /** One valid event of every data type, from {@link EventFixtures}. */
  static List<DataEvent<?>> fixtures(String userId) {
    return List.of(
        EventFixtures.emailEvent(userId, "m1"),
        EventFixtures.calendarEvent(userId, "e1"),
        EventFixtures.contactEvent(userId, "c1"),
        EventFixtures.documentEvent(userId, "d1"),
        EventFixtures.todoEvent(userId, "t1"));
  }

  /** {@code event} in {@code mode}, as the office service publishes it. */
  static DataEvent<?> inMode(DataEvent<?> event, BodyMode mode) {
    return switch (mode) {
      case FULL -> event;
      case POINTER -> event.withPayloadRef(pointerTo(event));
      case METADATA_ONLY -> event.withoutBody();
    };
  }

  /**
   * The pointer the office service writes for {@code event}'s whole payload: Redis, the key of
   * ARCHITECTURE §4, the size and SHA-256 of the payload's JSON.
   */
  static PayloadRef pointerTo(DataEvent<?> event) {
    byte[] stored = CODEC.encodePayload(Objects.requireNonNull(event.payload()));
    String sha256 = sha256(stored);
    String key =
        PayloadRef.redisKey(
            event.userId(), EventType.of(event).docType(), event.providerItemId(), sha256);
    return new PayloadRef(PayloadRef.REDIS, key, stored.length, sha256);
  }

  /** The same event produced another way; a backfill carries its job's batch id. */
  static DataEvent<?> producedBy(DataEvent<?> event, SyncType sync) {
    String batch = sync == SyncType.BATCH_SYNC ? "backfill-job-7" : null;
    return withSync(event, sync, batch);
  }

  private static DataEvent<?> withSync(DataEvent<?> e, SyncType sync, @Nullable String batch) {
    if (e instanceof EmailEvent m) {
      return new EmailEvent(
          m.metadata(),
          m.userId(),
          m.operation(),
          batch,
          m.lastUpdated(),
          m.syncTimestamp(),
          m.provider(),
          sync,
          m.email(),
          m.payloadRef());
    }
    if (e instanceof CalendarEvent c) {
      return new CalendarEvent(
          c.metadata(),
          c.userId(),
          c.operation(),
          batch,
          c.lastUpdated(),
          c.syncTimestamp(),
          c.provider(),
          sync,
          c.event(),
          c.payloadRef(),
          c.calendarId());
    }
    if (e instanceof ContactEvent c) {
      return new ContactEvent(
          c.metadata(),
          c.userId(),
          c.operation(),
          batch,
          c.lastUpdated(),
          c.syncTimestamp(),
          c.provider(),
          sync,
          c.contact(),
          c.payloadRef());
    }
    if (e instanceof DocumentEvent d) {
      return new DocumentEvent(
          d.metadata(),
          d.userId(),
          d.operation(),
          batch,
          d.lastUpdated(),
          d.syncTimestamp(),
          d.provider(),
          sync,
          d.document(),
          d.payloadRef(),
          d.contentType());
    }
    TodoEvent t = (TodoEvent) e;
    return new TodoEvent(
        t.metadata(),
        t.userId(),
        t.operation(),
        batch,
        t.lastUpdated(),
        t.syncTimestamp(),
        t.provider(),
        sync,
        t.todo(),
        t.payloadRef(),
        t.listId());
  }

  /**
   * A deletion of each type whose payload has only what the records require: every nullable field
   * null, every list empty, unknown text empty.
   */
  static List<DataEvent<?>> sparse(String userId) {
    EventMetadata metadata =
        EventMetadata.create(
            "office", "0.1.0", userId, Clock.fixed(EventFixtures.READ, ZoneOffset.UTC));
    var changed = EventFixtures.CHANGED;
    var read = EventFixtures.READ;
    var delete = Operation.DELETE;
    var live = SyncType.REAL_TIME;
    Email email =
        new Email(
            "google_m9",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            changed,
            null,
            null,
            false,
            false,
            false,
            "google",
            "m9",
            null,
            null,
            null,
            null);
    CalendarEntry entry =
        new CalendarEntry(
            "google_e9",
            null,
            null,
            changed,
            changed,
            false,
            null,
            null,
            null,
            null,
            null,
            "google",
            "e9",
            "primary",
            null,
            null,
            null,
            null,
            null,
            null);
    Contact contact =
        new Contact(
            "google_c9",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "google",
            "c9",
            null,
            null,
            null,
            null);
    Document document =
        new Document(
            "google_d9",
            null,
            null,
            null,
            "google",
            "d9",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Todo todo =
        new Todo(
            "google_t9",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "google",
            "t9",
            null,
            null);
    return List.of(
        new EmailEvent(metadata, userId, delete, null, changed, read, "google", live, email, null),
        new CalendarEvent(
            metadata, userId, delete, null, changed, read, "google", live, entry, null, "primary"),
        new ContactEvent(
            metadata, userId, delete, null, changed, read, "google", live, contact, null),
        new DocumentEvent(
            metadata, userId, delete, null, changed, read, "google", live, document, null, null),
        new TodoEvent(
            metadata, userId, delete, null, changed, read, "google", live, todo, null, null));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
