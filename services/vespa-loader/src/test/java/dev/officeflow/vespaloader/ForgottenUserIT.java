package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 1 on vespa-loader's side: a purged user is recorded as forgotten in Vespa first,
 * their groups are emptied twice, and nothing written for them afterwards stays, whether it was in
 * flight during the purge or arrives later.
 */
@IntegrationTest
class ForgottenUserIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

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
  void aUserPurgedWhileTheirEventsKeepArrivingEndsWithNoDocumentsAndLaterEventsForgotten() {
    app.publish(EventFixtures.emailEvent("kept", "m1"));
    app.publishAll(emails("doomed", 0, 150));

    app.publish(Events.userDeleted("doomed"));
    app.publishAll(emails("doomed", 150, 300));
    await().atMost(WAIT).until(() -> app.settled(EventType.USER, "done") == 1);
    app.publishAll(emails("doomed", 300, 350));

    await().atMost(WAIT).until(() -> settledEmails() == 351);
    assertThat(Documents.ofUser(app.sim(), "doomed")).isEmpty();
    assertThat(Documents.ofUser(app.sim(), "kept")).hasSize(1);
    assertThat(app.settled(EventType.EMAIL, "forgotten")).isGreaterThanOrEqualTo(50);
    ForgottenUsers forgotten = app.bean(ForgottenUsers.class);
    assertThat(forgotten.isForgotten("doomed").block(WAIT)).isTrue();
    assertThat(forgotten.isForgotten("kept").block(WAIT)).isFalse();
  }

  @Test
  void aDocumentWrittenAfterThePurgesFirstRemovalIsRemovedByItsSecond() throws Exception {
    app.publishAll(emails("doomed", 0, 20));
    await().atMost(WAIT).until(() -> app.sim().documents("email", "doomed").size() == 20);

    app.publish(Events.userDeleted("doomed"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                app.sim().stats().documents().get("forgotten_user") == 1
                    && Documents.ofUser(app.sim(), "doomed").isEmpty());
    putDirectly("doomed", "google_in_flight");
    assertThat(Documents.ofUser(app.sim(), "doomed")).hasSize(1);
    assertThat(app.settled(EventType.USER, "done")).isZero();

    await().atMost(WAIT).until(() -> app.settled(EventType.USER, "done") == 1);
    assertThat(Documents.ofUser(app.sim(), "doomed")).isEmpty();
  }

  /** The emails settled on vespa-loader's subscription, whatever their outcome. */
  private double settledEmails() {
    return List.of("done", "stale", "forgotten", "dead_letter").stream()
        .mapToDouble(outcome -> app.settled(EventType.EMAIL, outcome))
        .sum();
  }

  private static List<EmailEvent> emails(String userId, int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> EventFixtures.emailEvent(userId, "m" + i))
        .toList();
  }

  /** A write that passed its forgotten check before the purge, landing only now. */
  private void putDirectly(String userId, String id) throws Exception {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + app.sim().port()
                + "/document/v1/officeflow/email/group/"
                + userId
                + "/"
                + id);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"fields\":{\"user_id\":\"" + userId + "\"}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
