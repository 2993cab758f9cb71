package dev.officeflow.runtime.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.codec.EventCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PayloadPointersTest {

  private final InMemoryPayloadStore store = new InMemoryPayloadStore();
  private final EventCodec codec = new EventCodec();
  private final PayloadPointers pointers =
      new PayloadPointers(store, codec, new PayloadSettings(1024, Duration.ofHours(1), false));

  @Test
  void smallPayloadStaysInline() {
    EmailEvent event = EventFixtures.emailEvent("u1", "m1");

    assertThat(pointers.offload(event).join()).isEqualTo(event);
    assertThat(store.values()).isEmpty();
  }

  @Test
  void largePayloadGoesByPointerAndComesBackWhole() {
    EmailEvent event = withBody(EventFixtures.emailEvent("u1", "m1"), "x".repeat(5000));

    EmailEvent travelling = (EmailEvent) pointers.offload(event).join();

    // The event keeps the required fields inline for readers that do not resolve pointers.
    assertThat(travelling.email()).isEqualTo(event.email().withoutBody());
    assertThat(travelling.email().body()).isEmpty();
    assertThat(travelling.payloadRef().key()).startsWith("office:u1:email:m1:");
    assertThat(travelling.providerItemId()).isEqualTo("m1");
    assertThat(pointers.resolve(travelling).join()).isEqualTo(event);
  }

  @Test
  void missingPayloadFailsAsPayloadMissing() {
    OfficeEvent travelling =
        pointers.offload(withBody(EventFixtures.emailEvent("u1", "m1"), "x".repeat(5000))).join();
    store.values().clear();

    assertThatThrownBy(() -> pointers.resolve(travelling).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(PayloadUnavailableException.class)
        .hasMessageStartingWith("payload_missing");
  }

  @Test
  void alteredPayloadFailsAsPayloadCorrupt() {
    OfficeEvent travelling =
        pointers.offload(withBody(EventFixtures.emailEvent("u1", "m1"), "x".repeat(5000))).join();
    store.values().replaceAll((key, value) -> "{}".getBytes());

    assertThatThrownBy(() -> pointers.resolve(travelling).join())
        .cause()
        .hasMessageStartingWith("payload_corrupt");
  }

  @Test
  void metadataOnlyModeSendsNoBody() {
    PayloadPointers metadataOnly =
        new PayloadPointers(store, codec, new PayloadSettings(1024, Duration.ofHours(1), true));
    EmailEvent event = withBody(EventFixtures.emailEvent("u1", "m1"), "x".repeat(5000));

    EmailEvent travelling = (EmailEvent) metadataOnly.offload(event).join();

    assertThat(travelling.email().body()).isEmpty();
    assertThat(travelling.email().subject()).isEqualTo(event.email().subject());
    assertThat(store.values()).isEmpty();
  }

  @Test
  void largeCalendarEventGoesByPointerWithoutItsDescriptionInline() {
    CalendarEvent event = EventFixtures.calendarEvent("u1", "e1");
    CalendarEvent large =
        event.withPayload(
            new CalendarEntry(
                event.event().id(),
                event.event().title(),
                "x".repeat(5000),
                event.event().startTime(),
                event.event().endTime(),
                false,
                null,
                event.event().organizer(),
                event.event().attendees(),
                "confirmed",
                "default",
                "google",
                "e1",
                "primary",
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of()));

    CalendarEvent travelling = (CalendarEvent) pointers.offload(large).join();

    assertThat(travelling.event().description()).isNull();
    assertThat(travelling.event().title()).isEqualTo(large.event().title());
    assertThat(pointers.resolve(travelling).join()).isEqualTo(large);
  }

  @Test
  void anEventOfTheEarlierShapeWithAPointerAloneIsResolved() {
    EmailEvent event = withBody(EventFixtures.emailEvent("u1", "m1"), "x".repeat(5000));
    EmailEvent travelling = (EmailEvent) pointers.offload(event).join();
    EmailEvent earlier =
        new EmailEvent(
            travelling.metadata(),
            travelling.userId(),
            travelling.operation(),
            travelling.batchId(),
            travelling.lastUpdated(),
            travelling.syncTimestamp(),
            travelling.provider(),
            travelling.syncType(),
            null,
            travelling.payloadRef());

    assertThat(pointers.resolve(earlier).join()).isEqualTo(event);
  }

  static EmailEvent withBody(EmailEvent event, String body) {
    return event.withPayload(event.email().withBody(body));
  }
}
