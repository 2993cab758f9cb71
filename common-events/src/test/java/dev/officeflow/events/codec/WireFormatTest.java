package dev.officeflow.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DocumentEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.TodoEvent;
import dev.officeflow.events.UserEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Messages written as the reference Python services write them decode into the records. */
class WireFormatTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void referenceEmailWithLegacySyncTypeOffsetsAndUnknownFieldsDecodes() {
    EmailEvent event = codec.decode(wire("email"), EmailEvent.class);

    assertThat(event.syncType()).isEqualTo(SyncType.BATCH_SYNC);
    assertThat(event.metadata().timestamp())
        .isEqualTo(Instant.parse("2026-11-01T09:31:00.512345Z"));
    assertThat(event.syncTimestamp()).isEqualTo(Instant.parse("2026-11-01T09:31:00Z"));
    assertThat(event.email().receivedDate()).isEqualTo(Instant.parse("2026-11-01T09:29:58Z"));
    assertThat(event.email().sentDate()).isEqualTo(Instant.parse("2026-11-01T09:29:55.100Z"));
    assertThat(event.email().toAddresses()).containsExactly("ana@example.com");
    assertThat(event.email().displayNames()).isEmpty();
    assertThat(event.providerItemId()).isEqualTo("18c2f");
  }

  @Test
  void referenceCalendarEventWithLocalOffsetsAndLegacySyncDecodes() {
    CalendarEvent event = codec.decode(wire("calendar"), CalendarEvent.class);

    assertThat(event.syncType()).isEqualTo(SyncType.INCREMENTAL_SYNC);
    assertThat(event.event().startTime()).isEqualTo(Instant.parse("2026-11-03T13:00:00Z"));
    assertThat(event.calendarId()).isEqualTo("primary");
    assertThat(event.event().attendeeDetails()).isEmpty();
    // an empty list of lines, officeflow's earlier shape of the reference's recurrence object
    assertThat(event.event().recurrence())
        .isNotNull()
        .satisfies(r -> assertThat(r.isEmpty()).isTrue());
  }

  @Test
  void referenceContactDecodes() {
    ContactEvent event = codec.decode(wire("contact"), ContactEvent.class);

    assertThat(event.contact().emailAddresses()).containsExactly("bo@example.org");
    // officeflow wrote tags as an object before they followed the reference's List[str].
    assertThat(event.contact().tags()).containsExactly("source:discovered");
  }

  @Test
  void referenceDocumentDecodes() {
    DocumentEvent event = codec.decode(wire("document"), DocumentEvent.class);

    assertThat(event.contentType()).isEqualTo("text/markdown");
    assertThat(event.document().sizeBytes()).isEqualTo(7L);
  }

  @Test
  void referenceTodoDecodes() {
    TodoEvent event = codec.decode(wire("todo"), TodoEvent.class);

    assertThat(event.operation()).isEqualTo(Operation.DELETE);
    assertThat(event.provider()).isEqualTo("microsoft");
    // completed_at, officeflow's earlier name of the reference's completed_date
    assertThat(event.todo().completedDate()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
  }

  @Test
  void integrationEventDecodes() {
    IntegrationEvent event = codec.decode(wire("integration"), IntegrationEvent.class);

    assertThat(event.status()).isEqualTo(IntegrationStatus.ACTIVE);
    assertThat(event.accountEmail()).isEqualTo("ana@example.com");
  }

  @Test
  void userEventWithoutOptionalFieldsDecodes() {
    UserEvent event = codec.decode(wire("user"), UserEvent.class);

    assertThat(event.operation()).isEqualTo(Operation.DELETE);
    assertThat(event.batchId()).isNull();
    assertThat(event.metadata().tags()).isEmpty();
  }

  private static byte[] wire(String name) {
    String path = "/wire/" + name + "-reference.json";
    try (InputStream in = WireFormatTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
