package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MappedChangesTest {

  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
  private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-12-07T07:00:00Z");

  private final MappedChanges mappings =
      new MappedChanges("office", "test", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void anUntouchedNewMessageIsACreateAtItsReceivedTime() {
    EmailEvent event =
        (EmailEvent)
            mappings
                .message(context(GraphResource.INBOX), message(RECEIVED), SyncType.REAL_TIME)
                .orElseThrow();

    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.lastUpdated()).isEqualTo(RECEIVED.toInstant());
    assertThat(event.email().id()).isEqualTo("microsoft_m1");
    assertThat(event.metadata().tags()).containsEntry("direction", "inbound");
  }

  @Test
  void aChangedMessageIsAnUpdateAtItsModificationTime() {
    OffsetDateTime modified = RECEIVED.plusMinutes(30);

    EmailEvent event =
        (EmailEvent)
            mappings
                .message(context(GraphResource.INBOX), message(modified), SyncType.REAL_TIME)
                .orElseThrow();

    assertThat(event.operation()).isEqualTo(Operation.UPDATE);
    assertThat(event.lastUpdated()).isEqualTo(modified.toInstant());
  }

  @Test
  void aRemovedItemIsADeleteOfItsOwnKindAtTheTimeOfTheRead() {
    DataEvent<?> mail =
        (DataEvent<?>)
            mappings
                .removed(context(GraphResource.SENT_ITEMS), "m9", SyncType.REAL_TIME)
                .orElseThrow();
    DataEvent<?> event =
        (DataEvent<?>)
            mappings.removed(context(GraphResource.EVENTS), "e9", SyncType.REAL_TIME).orElseThrow();
    DataEvent<?> contact =
        (DataEvent<?>)
            mappings
                .removed(context(GraphResource.CONTACTS), "c9", SyncType.REAL_TIME)
                .orElseThrow();

    assertThat(mail).isInstanceOf(EmailEvent.class);
    assertThat(event).isInstanceOf(CalendarEvent.class);
    assertThat(contact).isInstanceOf(ContactEvent.class);
    assertThat(java.util.List.of(mail, event, contact))
        .allSatisfy(e -> assertThat(e.operation()).isEqualTo(Operation.DELETE))
        .allSatisfy(e -> assertThat(e.lastUpdated()).isEqualTo(NOW));
  }

  private static ChangeMappings.Context context(GraphResource resource) {
    return new ChangeMappings.Context("u1", "owner@northwind.test", "microsoft", resource);
  }

  private static Message message(OffsetDateTime modified) {
    Message m = new Message();
    m.setId("m1");
    m.setSubject("Hello");
    m.setReceivedDateTime(RECEIVED);
    m.setCreatedDateTime(RECEIVED);
    m.setLastModifiedDateTime(modified);
    EmailAddress from = new EmailAddress();
    from.setAddress("bo@fabrikam.test");
    from.setName("Bo Lind");
    Recipient sender = new Recipient();
    sender.setEmailAddress(from);
    m.setFrom(sender);
    return m;
  }
}
