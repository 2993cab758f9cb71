package dev.officeflow.notifier.forget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.notifier.testing.Events;
import dev.officeflow.notifier.testing.NotifierApp;
import dev.officeflow.notifier.testing.SseClient;
import dev.officeflow.notifier.testing.TwoNotifiers;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deleted user ({@code UserEvent(delete)} on {@code users}), with two instances on one catalog
 * and one Redis: their JWT gets no ticket, their open streams close on both instances, their
 * tickets open nothing, their buffer is gone, and another user's streams and tickets go on.
 */
@IntegrationTest
class DeletedUserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static TwoNotifiers notifiers;
  private static NotifierApp first;
  private static NotifierApp second;

  @BeforeAll
  static void start() {
    notifiers = TwoNotifiers.start();
    first = notifiers.first();
    second = notifiers.second();
  }

  @AfterAll
  static void stop() {
    notifiers.close();
  }

  private static String user() {
    return "u-" + UUID.randomUUID();
  }

  @Test
  void aDeletedUsersTokensTicketsAndStreamsStopOnEveryInstanceAndNoOneElsesDo() {
    String ana = user();
    String bo = user();
    String anaJwt = first.jwks().token(ana);
    String anaTicket = first.ticket(ana);
    String unusedTicket = second.ticket(ana);
    try (SseClient anaOnFirst = SseClient.open(first.streamUrl(anaTicket), null);
        SseClient anaOnSecond = second.stream(ana);
        SseClient boOnFirst = first.stream(bo);
        SseClient boOnSecond = second.stream(bo)) {
      first.publish(List.of(Events.progress(ana, 1, 10)));
      await().atMost(WAIT).until(() -> anaOnFirst.events().size() == 1);
      await().atMost(WAIT).until(() -> anaOnSecond.events().size() == 1);
      await().atMost(WAIT).until(() -> boOnFirst.comments() > 0 && boOnSecond.comments() > 0);
      assertThat(bufferKeys(ana)).isPositive();

      first.publish(List.of(EventFixtures.userEvent(ana)));

      await().atMost(WAIT).until(() -> anaOnFirst.ended() && anaOnSecond.ended());
      assertThat(bufferKeys(ana)).as("ana's buffer and presence").isZero();
      assertThat(first.requestTicket(anaJwt).statusCode()).isEqualTo(401);
      assertThat(second.requestTicket(second.jwks().token(ana)).statusCode()).isEqualTo(401);
      String lastSeen = anaOnFirst.events().get(0).id();
      // EventSource's reconnect with the ticket that opened the stream, on either instance.
      assertStreamRefused(first.streamUrl(anaTicket), lastSeen);
      assertStreamRefused(second.streamUrl(anaTicket), lastSeen);
      assertStreamRefused(first.streamUrl(unusedTicket), null);

      first.publish(
          List.of(Events.newMail(ana, "a1", "after deletion"), Events.newMail(bo, "b1", "bo's")));
      await().atMost(WAIT).until(() -> boOnFirst.events().size() == 1);
      await().atMost(WAIT).until(() -> boOnSecond.events().size() == 1);
      assertThat(boOnFirst.ended()).isFalse();
      assertThat(boOnSecond.ended()).isFalse();
      assertThat(first.requestTicket(first.jwks().token(bo)).statusCode()).isEqualTo(201);
      assertThat(anaOnFirst.events()).hasSize(1);
      assertThat(anaOnSecond.events()).hasSize(1);
    }
    assertThat(bufferKeys(ana)).as("nothing of ana's is buffered again").isZero();
  }

  @Test
  void aUserEventOtherThanDeleteClosesNothing() {
    String ana = user();
    UserEvent deleted = EventFixtures.userEvent(ana);
    UserEvent updated =
        new UserEvent(
            deleted.metadata(),
            ana,
            Operation.UPDATE,
            null,
            deleted.lastUpdated(),
            deleted.syncTimestamp(),
            null,
            deleted.email());
    try (SseClient stream = first.stream(ana)) {
      await().atMost(WAIT).until(() -> stream.comments() > 0);
      double before = skippedUserEvents();
      first.publish(List.of(updated));
      await().atMost(WAIT).until(() -> skippedUserEvents() > before);

      first.publish(List.of(Events.progress(ana, 1, 5)));
      await().atMost(WAIT).until(() -> stream.events().size() == 1);
      assertThat(stream.ended()).isFalse();
      assertThat(first.requestTicket(first.jwks().token(ana)).statusCode()).isEqualTo(201);
    }
  }

  /** {@code notifier-users} deliveries acked as skipped, on either instance. */
  private static double skippedUserEvents() {
    String subscription = first.prefix() + Catalog.subscription(Catalog.NOTIFIER, "users").name();
    return Stream.of(first, second)
        .map(app -> app.context().getBean(MeterRegistry.class))
        .map(
            meters ->
                meters
                    .find("officeflow.consumer.messages")
                    .tags("subscription", subscription, "outcome", "skipped")
                    .counter())
        .mapToDouble(counter -> counter == null ? 0 : counter.count())
        .sum();
  }

  private static void assertStreamRefused(String url, @Nullable String lastEventId) {
    try (SseClient refused = SseClient.open(url, lastEventId)) {
      assertThat(refused.status()).as(url).isEqualTo(401);
    }
  }

  /** The user's buffer and presence keys that exist in Redis. */
  private static long bufferKeys(String userId) {
    RedisClient redis = first.context().getBean(RedisClient.class);
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      return connection
          .sync()
          .exists("notifier:{" + userId + "}:events", "notifier:{" + userId + "}:present");
    }
  }
}
