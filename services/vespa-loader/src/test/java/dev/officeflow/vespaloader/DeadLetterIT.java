package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What cannot become a document goes to the dead-letter topic with its reason, and no further. */
@IntegrationTest
class DeadLetterIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private LoaderApp app;

  @BeforeEach
  void start() {
    app = LoaderApp.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    app.close();
  }

  @Test
  void aMessageOfAnUnknownTypeIsDeadLetteredWithItsReasonWhileLaterEventsFlow() {
    try (EmulatorPubSub.Collector deadLetters = app.deadLetters(EventType.EMAIL)) {
      byte[] data = LoaderApp.encode(EventFixtures.emailEvent("u1", "m0"));
      app.publishRaw(Topics.EMAILS, data, Map.of(EventAttributes.TYPE, "dev.officeflow.fax.v1"));
      app.publish(EventFixtures.emailEvent("u1", "m1"));

      await().atMost(WAIT).until(() -> app.sim().documents("email", "u1").size() == 1);
      await().atMost(WAIT).until(() -> deadLetters.messages().size() == 1);
      PubsubMessage dead = deadLetters.messages().get(0);
      assertThat(dead.getAttributesMap())
          .containsEntry(EventAttributes.ERROR_CLASS, "unknown_type")
          .containsEntry(EventAttributes.TYPE, "dev.officeflow.fax.v1");
      assertThat(dead.getAttributesMap().get(EventAttributes.ERROR_REASON))
          .contains("dev.officeflow.fax.v1");
      assertThat(app.sim().documents("email", "u1").get(0).id()).endsWith(":google_m1");
    }
  }

  @Test
  void anEmailThatCannotBecomeADocumentIsDeadLetteredWithItsReasonWhileLaterEventsFlow() {
    try (EmulatorPubSub.Collector deadLetters = app.deadLetters(EventType.EMAIL)) {
      app.publish(EventFixtures.emailEvent("team:alpha", "m0"));
      app.publish(EventFixtures.emailEvent("u1", "m1"));

      await().atMost(WAIT).until(() -> app.sim().documents("email", "u1").size() == 1);
      await().atMost(WAIT).until(() -> deadLetters.messages().size() == 1);
      Map<String, String> attributes = deadLetters.messages().get(0).getAttributesMap();
      assertThat(attributes).containsEntry(EventAttributes.ERROR_CLASS, "permanent");
      assertThat(attributes.get(EventAttributes.ERROR_REASON))
          .contains("user_id 'team:alpha'")
          .contains("contains ':'");
      assertThat(attributes).containsEntry(EventAttributes.SUBJECT, "team:alpha");
      assertThat(app.sim().stats().puts()).isEqualTo(1);
    }
  }
}
