package dev.officeflow.vespaloader.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.PayloadRef;
import dev.officeflow.runtime.consume.PermanentEventException;
import dev.officeflow.vespaloader.Events;
import dev.officeflow.vespasim.schema.DocumentSchema;
import dev.officeflow.vespasim.schema.FieldType;
import dev.officeflow.vespasim.schema.SchemaCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DocumentFactoryTest {

  private static final SchemaCatalog SCHEMAS =
      SchemaCatalog.load(Path.of("../../infra/vespa/schemas"));
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long CHANGED = EventFixtures.CHANGED.toEpochMilli();
  private static final long READ = EventFixtures.READ.toEpochMilli();

  private final DocumentFactory factory = new DocumentFactory("officeflow");

  static Stream<DataEvent<?>> oneEventOfEachType() {
    return Stream.of(
        EventFixtures.emailEvent("u1", "m1"),
        EventFixtures.calendarEvent("u1", "e1"),
        EventFixtures.contactEvent("u1", "c1"),
        EventFixtures.documentEvent("u1", "d1"),
        EventFixtures.todoEvent("u1", "t1"));
  }

  @ParameterizedTest
  @MethodSource("oneEventOfEachType")
  void everyFieldOfEachTypesDocumentIsDeclaredWithAMatchingTypeInItsSchema(DataEvent<?> event) {
    VespaDocument document = factory.document(event);

    DocumentSchema schema = SCHEMAS.find(document.id().documentType()).orElseThrow();
    JsonNode fields = JSON.valueToTree(document.fields());
    fields.properties().forEach(field -> assertDeclared(schema, field.getKey(), field.getValue()));
  }

  @ParameterizedTest
  @MethodSource("oneEventOfEachType")
  void theIdNamesTheEventTypesDoctypeTheUsersGroupAndTheProviderItem(DataEvent<?> event) {
    String doctype = EventType.of(event).docType();

    assertThat(factory.document(event).id().toString())
        .isEqualTo("id:officeflow:" + doctype + ":g=u1:google_" + event.providerItemId());
  }

  @Test
  void documentsOfOfficeDocumentEventsUseTheOfficeDocumentType() {
    assertThat(factory.id(EventFixtures.documentEvent("u1", "d1")).documentType())
        .isEqualTo("office_document");
  }

  @Test
  void anEmailBecomesTheEmailDocumentWithEpochMillisAndLowerCaseAddresses() {
    EmailEvent event = EventFixtures.emailEvent("u1", "m1");

    Map<String, Object> fields = factory.document(event).fields();

    assertThat(fields)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                entry("user_id", "u1"),
                entry("doc_type", "email"),
                entry("provider", "google"),
                entry("provider_id", "m1"),
                entry("title", "Quarterly plan, \"draft\""),
                entry("content", "Hello Bo"),
                entry("created_at", CHANGED - 5_000),
                entry("last_updated", CHANGED),
                entry("sync_timestamp", READ),
                entry("operation", "create"),
                entry("batch_id", "job-1"),
                entry("tags", Map.of("account", "ana@example.com")),
                entry("thread_id", "thread-m1"),
                entry("from_address", "ana@example.com"),
                entry("to_addresses", List.of("bo@example.org", "cy@example.net")),
                entry("cc_addresses", List.of("dee@example.com")),
                entry("received_date", CHANGED),
                entry("sent_date", CHANGED - 5_000),
                entry("labels", List.of("INBOX", "IMPORTANT")),
                entry("is_read", true),
                entry("is_starred", false),
                entry("has_attachments", false),
                entry("size_bytes", 2048L),
                entry("direction", "outbound")));
  }

  @Test
  void anEmailFromSomeoneElseThanTheAccountIsInbound() {
    EmailEvent event =
        Events.withTags(EventFixtures.emailEvent("u1", "m1"), Map.of("account", "bo@example.org"));

    assertThat(factory.document(event).fields()).containsEntry("direction", "inbound");
  }

  @Test
  void withoutAnAccountTagAMessageWithoutTheSentLabelIsInbound() {
    EmailEvent event = Events.withTags(EventFixtures.emailEvent("u1", "m1"), Map.of());

    assertThat(factory.document(event).fields()).containsEntry("direction", "inbound");
  }

  @Test
  void withoutAnAccountTagAMessageWithTheSentLabelIsOutbound() {
    Email sent = Events.emailWithLabels("m1", List.of("SENT"));

    assertThat(EmailFields.direction(sent, null)).isEqualTo("outbound");
  }

  @Test
  void aCalendarEventCarriesItsTimesPeopleAndRecurrence() {
    CalendarEvent event = EventFixtures.calendarEvent("u1", "e1");

    Map<String, Object> fields = factory.document(event).fields();

    assertThat(fields)
        .containsEntry("title", "Planning")
        .containsEntry("content", "Agenda attached")
        .containsEntry("calendar_id", "primary")
        .containsEntry("start_time", CHANGED)
        .containsEntry("end_time", CHANGED + 1_800_000)
        .containsEntry("all_day", false)
        .containsEntry("location", "Room 4")
        .containsEntry("organizer", "ana@example.com")
        .containsEntry("attendees", List.of("ana@example.com", "bo@example.org"))
        .containsEntry("status", "confirmed")
        .containsEntry(
            "recurrence",
            List.of("RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE;TZID=Europe/Berlin:20261109T093000"))
        .doesNotContainKey("created_at");
  }

  @Test
  void aContactsVipScoreBecomesItsRelevanceAndItsTagsJoinTheEventTags() {
    ContactEvent event = EventFixtures.contactEvent("u1", "c1");

    Map<String, Object> fields = factory.document(event).fields();

    assertThat(fields)
        .containsEntry("title", "Bo Berg")
        .containsEntry("content", "Bo Berg\nBo\nBerg\nExample AB\nMet at the offsite")
        .containsEntry("display_name", "Bo Berg")
        .containsEntry("email_addresses", List.of("bo@example.org"))
        .containsEntry("organizations", List.of("Example AB"))
        .containsEntry("phone_numbers", List.of("+46 70 000 00 00"))
        .containsEntry("relevance", 0.82)
        .containsEntry(
            "tags", Map.of("account", "ana@example.com", "vip_score", "0.82", "colleague", ""));
  }

  @Test
  void aLabelThatOnlyLooksLikeAScoreIsIgnored() {
    ContactEvent event = Events.contactWithTags("u1", Map.of());
    ContactEvent labelled =
        event.withPayload(Events.contactWithLabels(event.contact(), List.of("vip_score:high")));

    assertThat(factory.document(labelled).fields()).doesNotContainKey("relevance");
  }

  @Test
  void aScoreInTheContactsTagsOfTheEarlierShapeStillBecomesItsRelevance() {
    ContactEvent event = Events.contactWithTags("u1", Map.of());
    ContactEvent earlier =
        event.withPayload(Events.contactWithLabels(event.contact(), List.of("vip_score:0.5")));

    assertThat(factory.document(earlier).fields()).containsEntry("relevance", 0.5);
  }

  @Test
  void aContactsLastSeenTagBecomesEpochMillis() {
    ContactEvent event = Events.contactWithTags("u1", Map.of("last_seen", "2026-10-30T08:00:00Z"));

    assertThat(factory.document(event).fields())
        .containsEntry("last_seen", Instant.parse("2026-10-30T08:00:00Z").toEpochMilli());
  }

  @Test
  void aContactWithoutADisplayNameIsTitledByItsNames() {
    assertThat(ContactFields.title(Events.contactWithoutDisplayName())).isEqualTo("Bo Berg");
  }

  @Test
  void aContactWhoseVipScoreIsNotANumberCannotBeMapped() {
    ContactEvent event = Events.contactWithTags("u1", Map.of("vip_score", "high"));

    assertThatThrownBy(() -> factory.document(event))
        .isInstanceOf(PermanentEventException.class)
        .hasMessageContaining("tags.vip_score")
        .hasMessageContaining("'high'");
  }

  @Test
  void aDocumentEventCarriesItsContentTypeUrlAndSize() {
    Map<String, Object> fields = factory.document(EventFixtures.documentEvent("u1", "d1")).fields();

    assertThat(fields)
        .containsEntry("title", "Roadmap")
        .containsEntry("content", "Q1: ship")
        .containsEntry("created_at", CHANGED - 3_600_000)
        .containsEntry("content_type", "word")
        .containsEntry("url", "https://docs.example/d1")
        .containsEntry("size_bytes", 1200L);
  }

  @Test
  void aTodoCarriesItsListStatusAndDueDateAndNoCompletionWhileOpen() {
    Map<String, Object> fields = factory.document(EventFixtures.todoEvent("u1", "t1")).fields();

    assertThat(fields)
        .containsEntry("title", "Send deck")
        .containsEntry("list_id", "list-1")
        .containsEntry("status", "pending")
        .containsEntry("due", CHANGED + 86_400_000)
        .doesNotContainKeys("content", "completed");
  }

  @Test
  void aUserIdWithAColonCannotBeAVespaGroup() {
    EmailEvent event = EventFixtures.emailEvent("team:alpha", "m1");

    assertThatThrownBy(() -> factory.document(event))
        .isInstanceOf(PermanentEventException.class)
        .hasMessageContaining("user_id 'team:alpha'");
  }

  @Test
  void theIdOfADeletedItemNeedsNoPayload() {
    EmailEvent deleted =
        Events.withOperation(EventFixtures.emailEvent("u1", "m1"), Operation.DELETE);
    String sha = "a".repeat(64);
    EmailEvent byPointer =
        deleted.withPayloadRef(
            new PayloadRef("redis", PayloadRef.redisKey("u1", "email", "m1", sha), 10, sha));

    assertThat(factory.id(byPointer).toString()).isEqualTo("id:officeflow:email:g=u1:google_m1");
  }

  @Test
  void aWriteReplacesAnOlderVersionOrTheSameVersionUnlessThatIsATombstone() {
    VespaDocument document = factory.document(EventFixtures.emailEvent("u1", "m1"));

    assertThat(document.condition())
        .isEqualTo(
            "email.last_updated < "
                + CHANGED
                + " or (email.last_updated == "
                + CHANGED
                + " and email.deleted != true)");
  }

  @Test
  void aTombstoneReplacesAnyVersionThatIsNotNewerSoAtTheSameVersionADeleteWins() {
    VespaDocument tombstone = factory.tombstone(deleteOf("m1"), Instant.ofEpochMilli(42));

    assertThat(tombstone.condition()).isEqualTo("email.last_updated <= " + CHANGED);
  }

  @ParameterizedTest
  @MethodSource("oneEventOfEachType")
  void aTombstoneKeepsTheIdAndTheVersionAndNothingOfTheItemsContent(DataEvent<?> event) {
    VespaDocument tombstone = factory.tombstone(event, Instant.ofEpochMilli(42));

    assertThat(tombstone.id()).isEqualTo(factory.id(event));
    assertThat(tombstone.tombstone()).isTrue();
    assertThat(tombstone.lastUpdated()).isEqualTo(CHANGED);
    assertThat(tombstone.fields())
        .containsOnlyKeys(
            "user_id",
            "doc_type",
            "provider",
            "provider_id",
            "last_updated",
            "sync_timestamp",
            "operation",
            "deleted",
            "deleted_at")
        .containsEntry("deleted", true)
        .containsEntry("deleted_at", 42L)
        .containsEntry("last_updated", CHANGED);
    DocumentSchema schema = SCHEMAS.find(tombstone.id().documentType()).orElseThrow();
    JSON.<JsonNode>valueToTree(tombstone.fields())
        .properties()
        .forEach(field -> assertDeclared(schema, field.getKey(), field.getValue()));
  }

  private static EmailEvent deleteOf(String providerId) {
    return Events.withOperation(EventFixtures.emailEvent("u1", providerId), Operation.DELETE);
  }

  private static void assertDeclared(DocumentSchema schema, String name, JsonNode value) {
    FieldType type = schema.field(name).orElse(null);
    assertThat(type).as("field %s of %s", name, schema.name()).isNotNull();
    assertThat(type.problemWith(value)).as("value of %s.%s", schema.name(), name).isEmpty();
  }
}
