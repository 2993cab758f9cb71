package dev.officeflow.events.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.Document;
import dev.officeflow.events.DocumentEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.Providers;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.Todo;
import dev.officeflow.events.TodoEvent;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.reference.ReferenceExamples.ReferenceExample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, item 5, the reference to officeflow: events written as a reference producer writes them
 * are what the reference models describe, and officeflow reads them with every value intact.
 */
class ReferenceExamplesTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final ReferenceSchemas SCHEMAS = ReferenceSchemas.load();

  static Stream<ReferenceExample> examples() {
    return ReferenceExamples.all().stream();
  }

  static Stream<EventType> types() {
    return ReferenceSchemas.types().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleIsWhatItsReferenceModelDescribes(ReferenceExample example) {
    assertThat(SCHEMAS.errors(example.type(), example.bytes())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void everyOptionalStructureIsFilledInAnExampleOfItsType(EventType type) {
    List<String> empty = new ArrayList<>();
    JsonNode payload = payloadSchema(type);
    Set<String> required = texts(payload.path("required"));
    for (String field : payload.path("properties").propertyNames()) {
      if (!required.contains(field) && isStructure(payload.path("properties").path(field))) {
        boolean filled =
            ReferenceExamples.all().stream()
                .filter(e -> e.type() == type)
                .map(e -> e.tree().path(e.payloadField()).path(field))
                .anyMatch(value -> value.isContainer() && !value.isEmpty());
        if (!filled) {
          empty.add(field);
        }
      }
    }
    assertThat(empty).as("optional structures no example fills").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void officeflowNamesTheProviderAsItsOwn(ReferenceExample example) {
    DataEvent<?> event = decode(example);
    String written = example.tree().path("provider").asString();

    assertThat(event.provider())
        .isEqualTo(Providers.canonical(written))
        .isIn(Providers.GOOGLE, Providers.MICROSOFT);
  }

  @Test
  void theExamplesNameProvidersAsTheReferenceDoes() {
    assertThat(examples().map(e -> e.tree().path("provider").asString()))
        .contains("gmail", "outlook", "google");
  }

  @Test
  void aSentGmailMessageIsReadWithEveryValue() {
    EmailEvent event = (EmailEvent) decode(ReferenceExamples.named("email-gmail-sent"));
    Email email = event.email();

    assertThat(event.syncType()).isEqualTo(SyncType.BATCH_SYNC);
    assertThat(event.batchId()).isEqualTo("backfill-7c1e-0003");
    assertThat(event.metadata().tags())
        .containsEntry("sync_source", "gmail_backfill")
        .containsEntry("attempt", "1")
        .containsEntry("folders", "[\"SENT\"]");
    assertThat(email.fromAddress()).isEqualTo(ReferenceExamples.OWN_ADDRESS);
    assertThat(email.toAddresses())
        .containsExactly("priya.raman@northwind.example", "lena.vogel@contoso.example");
    assertThat(email.ccAddresses()).containsExactly("marco.bianchi@fabrikam.example");
    assertThat(email.bccAddresses()).containsExactly("records@tailspin.example");
    assertThat(email.sentDate()).isEqualTo(Instant.parse("2026-11-02T08:14:58.120Z"));
    assertThat(email.labels()).containsExactly("SENT", "IMPORTANT", "Label_42");
    assertThat(email.isRead() && email.isStarred() && email.hasAttachments()).isTrue();
    assertThat(email.sizeBytes()).isEqualTo(48213L);
    assertThat(email.headers())
        .hasSize(5)
        .containsEntry("In-Reply-To", "<20261101.1142@northwind.example>");
    assertThat(event.providerItemId()).isEqualTo("18c2f0a9b1d3e4f5");
  }

  @Test
  void aReceivedOutlookMessageIsReadWithEveryValue() {
    EmailEvent event = (EmailEvent) decode(ReferenceExamples.named("email-outlook-received"));
    Email email = event.email();

    assertThat(event.syncType()).isEqualTo(SyncType.INCREMENTAL_SYNC);
    assertThat(event.metadata().hasTrace()).isFalse();
    assertThat(email.body()).startsWith("<html>");
    assertThat(email.toAddresses()).containsExactly(ReferenceExamples.OWN_ADDRESS);
    assertThat(email.ccAddresses())
        .containsExactly("sofia.lind@woodgrove.example", "priya.raman@northwind.example");
    assertThat(email.isRead()).isFalse();
    assertThat(email.mimeType()).isEqualTo("text/html");
    assertThat(email.headers()).containsEntry("Content-Language", "en-GB");
  }

  @Test
  void anOutlookSeriesIsReadWithItsRecurrenceRemindersAndAttachments() {
    CalendarEvent event =
        (CalendarEvent) decode(ReferenceExamples.named("calendar-outlook-series"));
    CalendarEntry entry = event.event();

    assertThat(entry.recurrence()).isNotNull();
    assertThat(entry.recurrence().rrule()).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8");
    assertThat(entry.recurrence().rdate())
        .containsExactly("RDATE;TZID=Europe/London:20261021T090000");
    assertThat(entry.recurrence().exdate())
        .containsExactly("EXDATE;TZID=Europe/London:20261019T090000");
    assertThat(entry.reminders())
        .containsExactly(
            Map.of("method", "popup", "minutes", 15), Map.of("method", "email", "minutes", 1440));
    assertThat(entry.attachments()).hasSize(1);
    assertThat(entry.attachments().get(0))
        .containsEntry("title", "q4-figures.xlsx")
        .containsEntry("file_id", "01ABCDEF2GHIJ3KLMNOP")
        .containsKeys("file_url", "mime_type", "icon_link");
    assertThat(entry.attendees()).hasSize(4).contains(ReferenceExamples.OWN_ADDRESS);
    assertThat(entry.organizer()).isEqualTo("priya.raman@northwind.example");
    assertThat(entry.visibility()).isEqualTo("private");
    assertThat(entry.colorId()).isEqualTo("preset3");
    assertThat(entry.htmlLink()).startsWith("https://outlook.office365.com/");
    assertThat(event.calendarId()).isEqualTo(entry.calendarId());
    assertThat(event.operation()).isEqualTo(Operation.UPDATE);
  }

  @Test
  void aGoogleContactIsReadWithEveryStructure() {
    ContactEvent event = (ContactEvent) decode(ReferenceExamples.named("contact-google"));
    Contact contact = event.contact();

    assertThat(contact.emailAddresses())
        .containsExactly("priya.raman@northwind.example", "priya@raman.example");
    assertThat(contact.phoneNumbers())
        .containsExactly(
            Map.of("value", "+44 20 7946 0018", "type", "work"),
            Map.of(
                "value", "+44 7700 900123", "type", "mobile", "canonical_form", "+447700900123"));
    assertThat(contact.addresses()).hasSize(1);
    assertThat(contact.addresses().get(0))
        .containsEntry("city", "Edinburgh")
        .containsEntry("primary", true);
    assertThat(contact.organizations())
        .containsExactly(
            Map.of(
                "name", "Northwind Traders",
                "title", "Head of Procurement",
                "department", "Operations"));
    assertThat(contact.birthdays()).containsExactly(Instant.parse("1988-04-17T00:00:00Z"));
    assertThat(contact.photos().get(0))
        .containsEntry("default", false)
        .containsEntry("metadata", Map.of("primary", true));
    assertThat(contact.groups())
        .containsExactly("contactGroups/myContacts", "contactGroups/suppliers");
    assertThat(contact.tags()).containsExactly("supplier", "starred");
    assertThat(contact.notes()).startsWith("Prefers calls");
    assertThat(contact.lastModified()).isEqualTo(Instant.parse("2026-10-30T14:03:27.512Z"));
  }

  @Test
  void aGoogleDocumentIsReadWithItsMetadata() {
    DocumentEvent event = (DocumentEvent) decode(ReferenceExamples.named("document-google-word"));
    Document document = event.document();

    assertThat(event.contentType()).isEqualTo("word");
    assertThat(document.ownerEmail()).isEqualTo(ReferenceExamples.OWN_ADDRESS);
    assertThat(document.permissions()).hasSize(2);
    assertThat(document.tags()).containsExactly("suppliers", "q4");
    assertThat(document.metadata())
        .containsEntry("word_count", 14)
        .containsEntry("revision", Map.of("id", "ALm37BW", "by", ReferenceExamples.OWN_ADDRESS));
  }

  @Test
  void anOutlookTaskIsReadWithEveryValue() {
    TodoEvent event = (TodoEvent) decode(ReferenceExamples.named("todo-outlook"));
    Todo todo = event.todo();

    assertThat(todo.status()).isEqualTo("in_progress");
    assertThat(todo.priority()).isEqualTo("high");
    assertThat(todo.dueDate()).isEqualTo(Instant.parse("2026-11-06T17:00:00Z"));
    assertThat(todo.assigneeEmail()).isEqualTo(ReferenceExamples.OWN_ADDRESS);
    assertThat(todo.parentTodoId()).isEqualTo("AAMkADtodo70");
    assertThat(todo.subtaskIds()).containsExactly("AAMkADtodo78", "AAMkADtodo79");
    assertThat(todo.metadata()).containsEntry("importance", "high").containsKey("linked_resources");
    assertThat(event.listId()).isEqualTo("AAMkADlist1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void aRekeyedExampleBelongsToTheOtherUserAndItemAndStillFollowsItsModel(
      ReferenceExample example) {
    ReferenceExample rekeyed = example.rekeyed("user-42", "-x7");

    DataEvent<?> event = decode(rekeyed);
    assertThat(event.userId()).isEqualTo("user-42");
    assertThat(event.metadata().userId()).isEqualTo("user-42");
    assertThat(event.metadata().eventId()).isNotEqualTo(decode(example).metadata().eventId());
    assertThat(event.providerItemId()).isEqualTo(example.providerItemId() + "-x7");
    assertThat(SCHEMAS.errors(rekeyed.type(), rekeyed.bytes())).isEmpty();
  }

  private static DataEvent<?> decode(ReferenceExample example) {
    return (DataEvent<?>) CODEC.decode(example.bytes(), example.type());
  }

  /** The payload's definition in the type's schema ({@code #/$defs/<Model>Data}). */
  private static JsonNode payloadSchema(EventType type) {
    JsonNode schema = SCHEMAS.document(type);
    String ref = schema.path("properties").path(payloadField(type)).path("$ref").asString();
    return schema.at(ref.substring(1));
  }

  private static String payloadField(EventType type) {
    return ReferenceExamples.all().stream()
        .filter(e -> e.type() == type)
        .findFirst()
        .orElseThrow()
        .payloadField();
  }

  private static boolean isStructure(JsonNode property) {
    Set<String> types =
        property.path("type").isArray()
            ? texts(property.path("type"))
            : Set.of(property.path("type").asString());
    return types.contains("array") || types.contains("object");
  }

  private static Set<String> texts(JsonNode array) {
    return Set.copyOf(array.valueStream().map(JsonNode::asString).toList());
  }
}
