package dev.officeflow.contacts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new current master key for addresses: what was sealed under the old one still opens while it is
 * configured, and a contact's next interaction seals its address again under the new one.
 */
@IntegrationTest
class AddressKeyRotationIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(1));
  private static final String KEPT = "kept.person@rotation-co.test";
  private static final String SEEN_AGAIN = "seen.again@rotation-co.test";
  private static final Map<String, Object> ROTATED =
      Map.of(
          "officeflow.contacts.address.encryption.keys.k2",
          Base64.getEncoder().encodeToString(new byte[32]),
          "officeflow.contacts.address.encryption.current-key-id",
          "k2");

  private final HttpClient http = HttpClient.newHttpClient();
  private final MailEvents ana = new MailEvents("u-ana-rotation", "ana@acme.test");

  @Test
  void oldAddressesStillOpenAndTheNextInteractionSealsUnderTheNewKey() throws Exception {
    ContactsApp app = ContactsApp.start("contacts_address_rotation");
    try {
      deliver(
          app, List.of(in("1", KEPT), out("2", KEPT), in("3", SEEN_AGAIN), out("4", SEEN_AGAIN)));
      app = app.restart(ROTATED);

      assertThat(addresses(app)).containsExactlyInAnyOrder(KEPT, SEEN_AGAIN);
      deliver(app, List.of(in("5", SEEN_AGAIN)));

      assertThat(
              app.database()
                  .column(
                      "SELECT address_key_id FROM contacts WHERE user_id = ?"
                          + " ORDER BY last_seen DESC",
                      ana.userId()))
          .containsExactly("k2", "dev-insecure");
      assertThat(addresses(app)).containsExactlyInAnyOrder(KEPT, SEEN_AGAIN);
    } finally {
      app.close();
    }
  }

  private OfficeEvent in(String id, String from) {
    return ana.email(
        "rot-" + id, from, List.of(ana.account()), List.of(), T.plusSeconds(id.hashCode()));
  }

  private OfficeEvent out(String id, String to) {
    return ana.email(
        "rot-" + id, ana.account(), List.of(to), List.of(), T.plusSeconds(id.hashCode()));
  }

  private List<String> addresses(ContactsApp app) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/onboarding/vips?limit=100"))
                .header("Authorization", "Bearer " + app.jwks().token(ana.userId()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<String> out = new ArrayList<>();
    JsonMapper.builder()
        .build()
        .readTree(response.body())
        .path("candidates")
        .forEach(c -> out.add(c.path("address").asString()));
    return out;
  }

  private static void deliver(ContactsApp app, List<OfficeEvent> events) {
    long before = app.handled().acked(EventType.EMAIL);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(EventType.EMAIL) >= before + events.size());
  }
}
