package dev.officeflow.googlesim.push;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.admin.MessageRef;
import dev.officeflow.googlesim.admin.NewMessage;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.testsupport.MutableClock;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Gmail push against the real Pub/Sub emulator; run through {@code ./dev test}. */
class GooglePushIT {

  private static final String PROJECT = "officeflow-local";

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final TopicName topic = TopicName.of(PROJECT, "gmail-push-it-" + suffix);
  private final SubscriptionName subscription =
      SubscriptionName.of(PROJECT, "gmail-push-it-" + suffix);
  private ManagedChannel channel;
  private TransportChannelProvider transport;
  private GoogleSim sim;

  @BeforeEach
  void start() throws IOException {
    String host = System.getenv("PUBSUB_EMULATOR_HOST");
    if (host == null || host.isBlank()) {
      throw new IllegalStateException(
          "PUBSUB_EMULATOR_HOST is not set: run the integration tests via ./dev test, which starts the Pub/Sub emulator");
    }
    channel = ManagedChannelBuilder.forTarget(host).usePlaintext().build();
    transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    try (TopicAdminClient topics =
            TopicAdminClient.create(
                TopicAdminSettings.newBuilder()
                    .setTransportChannelProvider(transport)
                    .setCredentialsProvider(NoCredentialsProvider.create())
                    .build());
        SubscriptionAdminClient subs =
            SubscriptionAdminClient.create(
                SubscriptionAdminSettings.newBuilder()
                    .setTransportChannelProvider(transport)
                    .setCredentialsProvider(NoCredentialsProvider.create())
                    .build())) {
      topics.createTopic(topic);
      subs.createSubscription(subscription, topic, PushConfig.getDefaultInstance(), 10);
    }
    sim =
        GoogleSim.start(
            GoogleSimConfig.defaults()
                .withPort(0)
                .withClock(clock)
                .withAccount(SimFixtures.alice())
                .withPubsub(new PubsubTarget(host, PROJECT)));
  }

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
    if (channel != null) {
      channel.shutdownNow();
    }
  }

  @Test
  void aWatchedMailboxPublishesGmailsNotificationForEachChange() throws Exception {
    var gmail = SimFixtures.gmail(sim, SimFixtures.token(sim, ALICE));
    gmail
        .users()
        .watch(
            "me",
            new com.google.api.services.gmail.model.WatchRequest().setTopicName(topic.toString()))
        .execute();

    MessageRef added =
        sim.admin()
            .addMessage(
                ALICE, NewMessage.from("Ben Baker", "ben@partner.test", "Ping", "Are you there?"));
    List<ReceivedMessage> messages = new ArrayList<>();
    try (SubscriptionAdminClient subs =
        SubscriptionAdminClient.create(
            SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build())) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                PullResponse pulled = subs.pull(subscription.toString(), true, 10);
                messages.addAll(pulled.getReceivedMessagesList());
                return !messages.isEmpty();
              });
    }

    JsonNode data = Json.MAPPER.readTree(messages.get(0).getMessage().getData().toByteArray());
    assertThat(data.get("emailAddress").asString()).isEqualTo(ALICE);
    assertThat(data.get("historyId").isNumber()).isTrue();
    assertThat(data.get("historyId").asLong()).isEqualTo(added.historyId());
    assertThat(sim.stats().gmailNotifications()).isEqualTo(1);
  }
}
