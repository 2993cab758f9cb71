package dev.officeflow.notifier.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.notifier.testing.Events;
import dev.officeflow.notifier.testing.NotifierApp;
import dev.officeflow.notifier.testing.SseClient;
import dev.officeflow.notifier.testing.TwoNotifiers;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two notifier instances on one catalog and one Redis, as behind a load balancer: each event is
 * consumed by one of them and reaches the streams on either.
 */
@IntegrationTest
class TwoInstancesIT {

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
  void eachInstanceDeliversTheEventsOfItsOwnClients() {
    String ana = user();
    String bo = user();
    try (SseClient anaOnFirst = first.stream(ana);
        SseClient boOnSecond = second.stream(bo)) {
      await().atMost(WAIT).until(() -> anaOnFirst.comments() > 0 && boOnSecond.comments() > 0);
      List<EmailEvent> mail = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        mail.add(Events.newMail(ana, "a" + i, "ana " + i));
        mail.add(Events.newMail(bo, "b" + i, "bo " + i));
      }
      first.publish(mail);

      await().atMost(WAIT).until(() -> anaOnFirst.events().size() == 20);
      await().atMost(WAIT).until(() -> boOnSecond.events().size() == 20);
      assertThat(anaOnFirst.events()).allMatch(e -> e.data().contains("\"subject\":\"ana "));
      assertThat(boOnSecond.events()).allMatch(e -> e.data().contains("\"subject\":\"bo "));
      assertThat(ids(anaOnFirst)).isSorted().doesNotHaveDuplicates();
      assertThat(ids(boOnSecond)).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aReconnectThatLandsOnTheOtherInstanceResumesFromTheSharedBuffer() {
    String ana = user();
    try (SseClient watcher = second.stream(ana)) {
      String ticket = first.ticket(ana);
      String lastSeen;
      try (SseClient onFirst = SseClient.open(first.streamUrl(ticket), null)) {
        first.publish(List.of(Events.progress(ana, 1, 1)));
        await().atMost(WAIT).until(() -> onFirst.events().size() == 1);
        lastSeen = onFirst.events().get(0).id();
      }
      second.publish(
          IntStream.range(0, 10)
              .mapToObj(i -> Events.newMail(ana, "m" + i, "while away"))
              .toList());
      await().atMost(WAIT).until(() -> watcher.events().size() == 11);

      // The same ticket on the other instance, as EventSource's own reconnect would send it.
      try (SseClient onSecond = SseClient.open(second.streamUrl(ticket), lastSeen)) {
        await().atMost(WAIT).until(() -> onSecond.events().size() >= 10);
        assertThat(onSecond.events()).isEqualTo(watcher.events().subList(1, 11));
      }
    }
  }

  private static List<EventId> ids(SseClient client) {
    return client.events().stream().map(e -> EventId.parse(e.id()).orElseThrow()).toList();
  }
}
