package dev.officeflow.googlesim.gmail;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.WatchRequest;
import com.google.api.services.gmail.model.WatchResponse;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.admin.MessageRef;
import dev.officeflow.googlesim.admin.NewMessage;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GmailHistoryTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;
  private Gmail gmail;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.alice());
    gmail = SimFixtures.gmail(sim, SimFixtures.token(sim, ALICE));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void addLabelAndDeleteShowUpAsHistoryAfterTheStartId() throws IOException {
    BigInteger start = gmail.users().getProfile("me").execute().getHistoryId();
    MessageRef added =
        sim.admin()
            .addMessage(
                ALICE, NewMessage.from("Zoë Åberg", "zoe@partner.test", "Hej", "Hello there"));
    sim.admin().modifyLabels(ALICE, added.id(), List.of("STARRED"), List.of("UNREAD"));
    sim.admin().deleteMessage(ALICE, added.id());

    ListHistoryResponse history =
        gmail.users().history().list("me").setStartHistoryId(start).execute();

    List<History> records = history.getHistory();
    assertThat(records).hasSize(4);
    assertThat(records.get(0).getMessagesAdded().get(0).getMessage().getId()).isEqualTo(added.id());
    assertThat(records.get(1).getLabelsAdded().get(0).getLabelIds()).containsExactly("STARRED");
    assertThat(records.get(2).getLabelsRemoved().get(0).getLabelIds()).containsExactly("UNREAD");
    assertThat(records.get(3).getMessagesDeleted().get(0).getMessage().getId())
        .isEqualTo(added.id());
    assertThat(records).extracting(History::getId).isSorted();
    assertThat(history.getHistoryId()).isEqualTo(records.get(3).getId());
  }

  @Test
  void historyTypesFilterKeepsOnlyTheAskedKind() throws IOException {
    BigInteger start = gmail.users().getProfile("me").execute().getHistoryId();
    MessageRef added =
        sim.admin().addMessage(ALICE, NewMessage.from("Ben", "ben@partner.test", "Hi", "text"));
    sim.admin().modifyLabels(ALICE, added.id(), List.of("STARRED"), List.of());

    ListHistoryResponse history =
        gmail
            .users()
            .history()
            .list("me")
            .setStartHistoryId(start)
            .setHistoryTypes(List.of("messageAdded"))
            .execute();

    assertThat(history.getHistory()).hasSize(1);
    assertThat(history.getHistory().get(0).getMessagesAdded()).hasSize(1);
  }

  @Test
  void historyPagesFollowTheNextPageToken() throws IOException {
    BigInteger start = gmail.users().getProfile("me").execute().getHistoryId();
    for (int i = 0; i < 5; i++) {
      sim.admin()
          .addMessage(ALICE, NewMessage.from("Ben", "ben@partner.test", "Note " + i, "text"));
    }

    ListHistoryResponse first =
        gmail.users().history().list("me").setStartHistoryId(start).setMaxResults(3L).execute();
    ListHistoryResponse second =
        gmail
            .users()
            .history()
            .list("me")
            .setStartHistoryId(start)
            .setMaxResults(3L)
            .setPageToken(first.getNextPageToken())
            .execute();

    assertThat(first.getHistory()).hasSize(3);
    assertThat(second.getHistory()).hasSize(2);
    assertThat(second.getNextPageToken()).isNull();
  }

  @Test
  void anIdOlderThanTheRetainedHistoryIsNotFound() throws IOException {
    BigInteger start = gmail.users().getProfile("me").execute().getHistoryId();
    sim.admin().addMessage(ALICE, NewMessage.from("Ben", "ben@partner.test", "Hi", "text"));
    sim.admin().expireHistory(ALICE);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> gmail.users().history().list("me").setStartHistoryId(start).execute());

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("notFound");
  }

  @Test
  void historyOlderThanTheRetentionPeriodExpiresWithTheClock() throws IOException {
    BigInteger start = gmail.users().getProfile("me").execute().getHistoryId();
    sim.admin().addMessage(ALICE, NewMessage.from("Ben", "ben@partner.test", "Hi", "text"));
    clock.advance(Duration.ofDays(8));
    gmail = SimFixtures.gmail(sim, SimFixtures.token(sim, ALICE));

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> gmail.users().history().list("me").setStartHistoryId(start).execute());

    assertThat(e.getStatusCode()).isEqualTo(404);
  }

  @Test
  void watchAnswersTheCurrentHistoryIdAndASevenDayExpiration() throws IOException {
    WatchResponse watch =
        gmail
            .users()
            .watch(
                "me",
                new WatchRequest()
                    .setTopicName("projects/officeflow-local/topics/gmail-push")
                    .setLabelIds(List.of("INBOX")))
            .execute();

    assertThat(watch.getHistoryId())
        .isEqualTo(gmail.users().getProfile("me").execute().getHistoryId());
    assertThat(watch.getExpiration())
        .isEqualTo(clock.instant().plus(Duration.ofDays(7)).toEpochMilli());
    gmail.users().stop("me").execute();
    assertThat(sim.stats().requests("gmail.users.stop")).isEqualTo(1);
  }

  @Test
  void watchRefusesATopicNameThatIsNotAFullTopicPath() {
    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () ->
                gmail.users().watch("me", new WatchRequest().setTopicName("gmail-push")).execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
  }
}
