package dev.officeflow.legacybridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.legacy.ContactBatchEvent;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import dev.officeflow.events.legacy.EmailBatchEvent;
import dev.officeflow.events.legacy.LegacyEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedEventsTest {

  private final TypedEvents events = new TypedEvents("legacy-bridge", "0.1.0");

  @Test
  void backfillItemsAreBatchSyncCreatesUnderTheLegacyEventIdAsBatch() {
    EmailBackfillEvent legacy = LegacyFixtures.backfill("u1", LegacyFixtures.emails("m", 2));

    EmailEvent event = (EmailEvent) first(legacy);

    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.syncType()).isEqualTo(SyncType.BATCH_SYNC);
    assertThat(event.batchId()).isEqualTo(legacy.metadata().eventId());
    assertThat(event.provider()).isEqualTo("google");
    assertThat(event.lastUpdated()).isEqualTo(event.email().receivedDate());
    assertThat(event.syncTimestamp()).isEqualTo(legacy.metadata().timestamp());
  }

  @Test
  void aBackfillSaidToBeASyncIsIncremental() {
    EmailBackfillEvent legacy = LegacyFixtures.backfill("u1", LegacyFixtures.emails("m", 1));
    EmailBackfillEvent sync =
        new EmailBackfillEvent(
            legacy.metadata(),
            "u1",
            "gmail",
            legacy.emails(),
            1,
            "sync",
            null,
            null,
            null,
            null,
            0);

    assertThat(((EmailEvent) first(sync)).syncType()).isEqualTo(SyncType.INCREMENTAL_SYNC);
  }

  @Test
  void emailBatchItemsAreCreatesWithTheBatchsIdWhateverItsOperation() {
    EmailBatchEvent legacy = LegacyFixtures.emailBatch("u1", LegacyFixtures.emails("m", 1));

    EmailEvent event = (EmailEvent) first(legacy);

    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.batchId()).isEqualTo("batch-7");
    assertThat(event.syncType()).isEqualTo(SyncType.BATCH_SYNC);
  }

  @Test
  void anEmailUpdateTakesItsOperationFromUpdateTypeAndIsIncremental() {
    EmailEvent event = (EmailEvent) first(LegacyFixtures.emailUpdate("u1", "m1", "delete"));

    assertThat(event.operation()).isEqualTo(Operation.DELETE);
    assertThat(event.batchId()).isNull();
    assertThat(event.syncType()).isEqualTo(SyncType.INCREMENTAL_SYNC);
  }

  @Test
  void aCalendarUpdateIsVersionedByWhenTheReferenceWroteIt() {
    var legacy = LegacyFixtures.calendarUpdate("u1", "e1", "update");

    CalendarEvent event = (CalendarEvent) first(legacy);

    assertThat(event.operation()).isEqualTo(Operation.UPDATE);
    assertThat(event.lastUpdated()).isEqualTo(legacy.metadata().timestamp());
    assertThat(event.calendarId()).isEqualTo("primary");
  }

  @Test
  void calendarBatchItemsLandInTheBatchsCalendar() {
    CalendarEvent event = (CalendarEvent) first(LegacyFixtures.calendarBatch("u1", 1));

    assertThat(event.batchId()).isEqualTo("cal-batch-1");
    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.calendarId()).isEqualTo("primary");
  }

  @Test
  void contactsAreVersionedByTheirLastModifiedAndOutlookIsMicrosoft() {
    ContactBatchEvent legacy = LegacyFixtures.contactBatch("u1", 1);

    ContactEvent event = (ContactEvent) first(legacy);

    assertThat(event.provider()).isEqualTo("microsoft");
    assertThat(event.lastUpdated()).isEqualTo(legacy.contacts().get(0).lastModified());
    assertThat(event.batchId()).isEqualTo("contacts-batch-1");
  }

  @Test
  void aContactUpdateKeepsItsOperation() {
    ContactEvent event = (ContactEvent) first(LegacyFixtures.contactUpdate("u1", "c1", "create"));

    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.syncType()).isEqualTo(SyncType.INCREMENTAL_SYNC);
  }

  @Test
  void traceCorrelationAndRequestAreKeptAndTheSourceIsTheBridge() {
    var legacy = LegacyFixtures.emailUpdate("u1", "m1", "create");

    DataEvent<?> event = first(legacy);

    assertThat(event.metadata().traceId()).isEqualTo(legacy.metadata().traceId());
    assertThat(event.metadata().correlationId()).isEqualTo("corr-legacy-1");
    assertThat(event.metadata().requestId()).isEqualTo("req-legacy");
    assertThat(event.metadata().sourceService()).isEqualTo("legacy-bridge");
    assertThat(event.metadata().userId()).isEqualTo("u1");
  }

  @Test
  void eventIdsDependOnlyOnTheLegacyEventAndThePosition() {
    var legacy = LegacyFixtures.backfill("u1", LegacyFixtures.emails("m", 2));

    String first = events.of(legacy, 0, legacy.emails().get(0)).metadata().eventId();

    assertThat(events.of(legacy, 0, legacy.emails().get(0)).metadata().eventId())
        .isEqualTo(first)
        .isEqualTo(TypedEvents.eventId(legacy.metadata().eventId(), 0));
    assertThat(events.of(legacy, 1, legacy.emails().get(1)).metadata().eventId())
        .isNotEqualTo(first);
    var other = LegacyFixtures.backfill("u1", legacy.emails());
    assertThat(events.of(other, 0, other.emails().get(0)).metadata().eventId()).isNotEqualTo(first);
  }

  @Test
  void eventIdsAreTheNameBasedUuidsOfTheLegacyIdAndPosition() {
    for (int position : new int[] {0, 1, 17, 49, 1000}) {
      String name = "legacy-bridge:legacy-42:" + position;
      assertThat(TypedEvents.eventId("legacy-42", position))
          .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }
  }

  @Test
  void anUnknownUpdateTypeIsRefused() {
    assertThatThrownBy(() -> first(LegacyFixtures.emailUpdate("u1", "m1", "archive")))
        .isInstanceOf(EventValidationException.class)
        .hasMessageContaining("archive");
  }

  private DataEvent<?> first(LegacyEvent<?> legacy) {
    return events.of(legacy, 0, legacy.items().get(0));
  }

  static {
    // The fixtures' contacts carry a last_modified; the mapping must not invent one.
    assert EventFixtures.contactEvent("u", "c").contact().lastModified() != null;
  }
}
