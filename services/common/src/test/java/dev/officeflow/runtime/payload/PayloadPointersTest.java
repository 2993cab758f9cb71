package dev.officeflow.runtime.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.codec.EventCodec;
import java.time.Duration;
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

    assertThat(travelling.email()).isNull();
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

    assertThat(travelling.email().body()).isNull();
    assertThat(travelling.email().subject()).isEqualTo(event.email().subject());
    assertThat(store.values()).isEmpty();
  }

  static EmailEvent withBody(EmailEvent event, String body) {
    return event.withPayload(event.email().withBody(body));
  }
}
