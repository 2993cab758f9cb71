package dev.officeflow.contacts.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidates an instance keeps between requests are never served after a write that changed
 * them: new mail, a purge, a write by another instance, or contacts scored with other settings.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateCacheIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(2));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private ContactsApp app;

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_cache");
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void newMailReordersCandidatesAlreadyServed() throws Exception {
    MailEvents user = new MailEvents("u-cache-mail", "carol@acme.test");
    deliver(correspondence(user, "old", 3, 1));
    assertThat(top(user)).hasSize(3).doesNotContain(hashOf(user, "newbest0@example.org"));

    deliver(correspondence(user, "newbest", 1, 6));

    assertThat(top(user)).hasSize(4).first().isEqualTo(hashOf(user, "newbest0@example.org"));
  }

  @Test
  void purgedUserGetsNoCandidatesAlthoughTheyWereServed() throws Exception {
    MailEvents user = new MailEvents("u-cache-purge", "dave@acme.test");
    deliver(correspondence(user, "friend", 3, 1));
    assertThat(top(user)).hasSize(3);

    long users = app.handled().acked(EventType.USER);
    app.publish(user.deleted());
    await().atMost(Duration.ofSeconds(60)).until(() -> app.handled().acked(EventType.USER) > users);

    // The user's still-valid token is refused (forgotten), and nothing of theirs is left to serve.
    assertThat(vips(user).statusCode()).isEqualTo(401);
    assertThat(
            app.database().count("SELECT count(*) FROM contacts WHERE user_id = ?", user.userId()))
        .isZero();
  }

  @Test
  void writeByAnotherInstanceIsSeenAtOnce() throws Exception {
    MailEvents user = new MailEvents("u-cache-other", "erin@acme.test");
    deliver(correspondence(user, "peer", 3, 1));
    List<String> before = top(user);
    String last = before.get(2);

    // What another instance's write does: change the rank index, renew the contacts version.
    app.database()
        .column(
            "UPDATE contacts SET rank_key = rank_key + 100 WHERE user_id = ? AND contact_hash = ?"
                + " RETURNING contact_hash",
            user.userId(),
            last);
    app.database()
        .column(
            "UPDATE user_state SET contacts_version = nextval('contacts_version_seq')"
                + " WHERE user_id = ? RETURNING user_id",
            user.userId());

    assertThat(top(user)).first().isEqualTo(last);
  }

  @Test
  void contactsScoredWithOtherSettingsAreRescoredOnTheNextRequest() throws Exception {
    MailEvents user = new MailEvents("u-cache-settings", "frank@acme.test");
    deliver(correspondence(user, "mate", 3, 1));
    List<String> before = top(user);

    // What an instance with other scoring settings leaves behind (the version is not renewed).
    app.database()
        .column(
            "UPDATE contacts SET rank_key = -rank_key WHERE user_id = ? RETURNING contact_hash",
            user.userId());
    app.database()
        .column(
            "UPDATE user_state SET scoring_fingerprint = 'other-settings' WHERE user_id = ?"
                + " RETURNING user_id",
            user.userId());

    assertThat(top(user)).isEqualTo(before);
    assertThat(
            app.database()
                .column(
                    "SELECT scoring_fingerprint FROM user_state WHERE user_id = ?", user.userId()))
        .doesNotContain("other-settings");
  }

  /**
   * {@code people} contacts, each written to once; the i-th writes back {@code replies + i} times,
   * so no two score alike.
   */
  private static List<OfficeEvent> correspondence(
      MailEvents user, String name, int people, int replies) {
    List<OfficeEvent> events = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      String other = name + i + "@example.org";
      for (int k = 0; k < replies + i; k++) {
        events.add(user.email(name + i + "-in" + k, other, List.of(user.account()), List.of(), T));
      }
      events.add(user.email(name + i + "-out", user.account(), List.of(other), List.of(), T));
    }
    return events;
  }

  /** Publishes and waits until every event was handled (its interactions are committed). */
  private void deliver(List<OfficeEvent> events) {
    long before = app.handled().acked(EventType.EMAIL);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(EventType.EMAIL) >= before + events.size());
  }

  private String hashOf(MailEvents user, String address) {
    return app.context()
        .getBean(ContactHasher.class)
        .hash(user.userId(), Addresses.normalize(address).orElseThrow());
  }

  private HttpResponse<String> vips(MailEvents user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/onboarding/vips?limit=10"))
            .header("Authorization", "Bearer " + app.jwks().token(user.userId()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> top(MailEvents user) throws Exception {
    HttpResponse<String> response = vips(user);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    List<String> hashes = new ArrayList<>();
    body.path("candidates").forEach(c -> hashes.add(c.path("contact_hash").asString()));
    return hashes;
  }
}
