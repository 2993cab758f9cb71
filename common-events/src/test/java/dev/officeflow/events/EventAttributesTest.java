package dev.officeflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventAttributesTest {

  @Test
  void dataEventCarriesCloudEventsBinaryModeAttributes() {
    EmailEvent event = EventFixtures.emailEvent("user-1", "m1");

    Map<String, String> attributes = EventAttributes.of(event, "00-abc-def-01");

    assertThat(attributes)
        .containsEntry("ce-specversion", "1.0")
        .containsEntry("ce-id", event.metadata().eventId())
        .containsEntry("ce-type", "dev.officeflow.email.v1")
        .containsEntry("ce-source", "//officeflow/office")
        .containsEntry("ce-time", "2026-11-01T09:31:00Z")
        .containsEntry("ce-subject", "user-1")
        .containsEntry("ce-correlationid", "job-1")
        .containsEntry("operation", "create")
        .containsEntry("sync_type", "batch_sync")
        .containsEntry("googclient_traceparent", "00-abc-def-01")
        .doesNotContainKey("ce-dataref");
  }

  @Test
  void pointerEventNamesItsPayloadInDataref() {
    String sha = "b".repeat(64);
    PayloadRef ref =
        new PayloadRef("redis", PayloadRef.redisKey("user-1", "email", "m1", sha), 10, sha);
    EmailEvent event = EventFixtures.emailEvent("user-1", "m1").withPayloadRef(ref);

    assertThat(EventAttributes.of(event, null))
        .containsEntry("ce-dataref", "redis:office:user-1:email:m1:bbbbbbbbbbbbbbbb")
        .doesNotContainKey("googclient_traceparent");
    assertThat(event.providerItemId()).isEqualTo("m1");
  }

  @Test
  void userEventHasNoSyncType() {
    assertThat(EventAttributes.of(EventFixtures.userEvent("user-1"), null))
        .containsEntry("ce-type", "dev.officeflow.user.v1")
        .containsEntry("operation", "delete")
        .doesNotContainKey("sync_type");
  }

  @Test
  void messageWithoutAttributesIsTypedByItsTopic() {
    assertThat(EventAttributes.typeOf(Map.of(), "calendars")).contains(EventType.CALENDAR);
  }

  @Test
  void unknownCeTypeIsNotGuessedFromTheTopic() {
    assertThat(EventAttributes.typeOf(Map.of("ce-type", "com.example.other.v1"), "emails"))
        .isEmpty();
  }
}
