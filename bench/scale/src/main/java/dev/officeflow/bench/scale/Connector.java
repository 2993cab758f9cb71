package dev.officeflow.bench.scale;

import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connects users as the user service does after a completed OAuth: one {@code
 * IntegrationEvent(create, active)} per user on {@code integrations}, with the account's address
 * (the contacts service learns the user's own address from it) and the granted scopes, published
 * from the user service's name. The office's consumer starts a backfill on it; the contacts service
 * records the connection. The connects are spread evenly over a window, as people arriving.
 *
 * <p>User ids are the accounts' addresses: the office's local token source (google-sim) maps a user
 * id that is an address to that Google account, so the bench needs no user service.
 */
final class Connector {

  /** What google-sim grants by default and the user service asks for: mail and calendar, read. */
  private static final List<String> SCOPES =
      List.of(
          "https://www.googleapis.com/auth/gmail.readonly",
          "https://www.googleapis.com/auth/calendar.readonly",
          "openid",
          "email",
          "profile");

  private final PubSubRest pubsub;
  private final EventCodec codec = new EventCodec();
  private final Clock clock = Clock.systemUTC();

  Connector(PubSubRest pubsub) {
    this.pubsub = pubsub;
  }

  /**
   * Publishes one connect per user, user {@code i} of {@code n} at {@code i × spread / n} from now;
   * returns when all are published, with each user's connect time (just before its publish).
   */
  Map<String, Instant> connect(List<String> users, Duration spread) throws InterruptedException {
    Map<String, Instant> connects = new ConcurrentHashMap<>();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    try {
      List<ScheduledFuture<?>> pending =
          java.util.stream.IntStream.range(0, users.size())
              .<ScheduledFuture<?>>mapToObj(
                  i ->
                      scheduler.schedule(
                          () -> publish(users.get(i), connects),
                          spread.toNanos() * i / users.size(),
                          TimeUnit.NANOSECONDS))
              .toList();
      for (ScheduledFuture<?> connect : pending) {
        connect.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a connect failed", e.getCause());
    } finally {
      scheduler.shutdownNow();
    }
    return Map.copyOf(connects);
  }

  private Void publish(String user, Map<String, Instant> connects) throws Exception {
    Instant now = clock.instant();
    IntegrationEvent event =
        new IntegrationEvent(
            EventMetadata.create("user", "bench-scale", user, clock),
            user,
            Operation.CREATE,
            null,
            now,
            now,
            "google",
            UUID.randomUUID().toString(),
            IntegrationStatus.ACTIVE,
            user,
            SCOPES,
            null);
    connects.put(user, now);
    pubsub.publish(Topics.INTEGRATIONS, codec.encode(event), EventAttributes.of(event, null));
    return null;
  }
}
