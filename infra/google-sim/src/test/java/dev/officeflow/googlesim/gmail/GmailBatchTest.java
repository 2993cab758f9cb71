package dev.officeflow.googlesim.gmail;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Message;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GmailBatchTest {

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
  void aBatchOfOneHundredGetsAnswersEveryPartThroughTheOfficialClient() throws IOException {
    List<String> ids =
        gmail.users().messages().list("me").setMaxResults(100L).execute().getMessages().stream()
            .map(Message::getId)
            .toList();
    Map<String, Message> got = new ConcurrentHashMap<>();
    Map<String, GoogleJsonError> failed = new ConcurrentHashMap<>();
    BatchRequest batch = gmail.batch();
    for (String id : ids) {
      gmail
          .users()
          .messages()
          .get("me", id)
          .setFormat("metadata")
          .setMetadataHeaders(List.of("From", "To", "Date"))
          .queue(batch, callback(id, got, failed));
    }

    batch.execute();

    assertThat(failed).isEmpty();
    assertThat(got).hasSize(100);
    assertThat(got.get(ids.get(7)).getId()).isEqualTo(ids.get(7));
    assertThat(got.get(ids.get(7)).getPayload().getHeaders())
        .extracting("name")
        .contains("From", "Date");
  }

  @Test
  void aBatchCostsTheSumOfItsParts() throws IOException {
    List<String> ids =
        gmail.users().messages().list("me").setMaxResults(20L).execute().getMessages().stream()
            .map(Message::getId)
            .toList();
    BatchRequest batch = gmail.batch();
    for (String id : ids) {
      gmail
          .users()
          .messages()
          .get("me", id)
          .setFormat("minimal")
          .queue(batch, callback(id, new ConcurrentHashMap<>(), new ConcurrentHashMap<>()));
    }

    batch.execute();

    assertThat(sim.stats().gmailUnits().get(ALICE)).isEqualTo(5L + 20 * 5L);
    assertThat(sim.stats().requests("gmail.users.messages.get")).isEqualTo(20);
  }

  @Test
  void aPartForAMissingMessageFailsAloneWithNotFound() throws IOException {
    String good =
        gmail
            .users()
            .messages()
            .list("me")
            .setMaxResults(1L)
            .execute()
            .getMessages()
            .get(0)
            .getId();
    Map<String, Message> got = new ConcurrentHashMap<>();
    Map<String, GoogleJsonError> failed = new ConcurrentHashMap<>();
    BatchRequest batch = gmail.batch();
    gmail.users().messages().get("me", good).queue(batch, callback(good, got, failed));
    gmail
        .users()
        .messages()
        .get("me", "ffffffffffffffff")
        .queue(batch, callback("missing", got, failed));

    batch.execute();

    assertThat(got).containsOnlyKeys(good);
    assertThat(failed.get("missing").getCode()).isEqualTo(404);
  }

  private static JsonBatchCallback<Message> callback(
      String key, Map<String, Message> got, Map<String, GoogleJsonError> failed) {
    return new JsonBatchCallback<>() {
      @Override
      public void onSuccess(Message message, HttpHeaders headers) {
        got.put(key, message);
      }

      @Override
      public void onFailure(GoogleJsonError error, HttpHeaders headers) {
        failed.put(key, error);
      }
    };
  }
}
