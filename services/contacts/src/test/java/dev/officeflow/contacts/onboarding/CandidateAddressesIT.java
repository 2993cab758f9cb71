package dev.officeflow.contacts.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.address.AddressCipher;
import dev.officeflow.contacts.address.SealedAddress;
import dev.officeflow.contacts.address.UnreadableAddressException;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.contacts.testing.NamedCorrespondents;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.testsupport.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognisable candidates (issue 24): each contact's address is stored sealed under its user's key,
 * opened only for that user's token, and gone for good with the user's purge.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateAddressesIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(1));
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String UNNAMED = "plain.person@unnamed-co.test";
  private static final String BOS_FRIEND = "bo.friend@elsewhere.test";

  private final HttpClient http = HttpClient.newHttpClient();
  private final MailEvents ana = new MailEvents("u-ana-addr", "ana@acme.test");
  private final MailEvents bo = new MailEvents("u-bo-addr", "bo@acme.test");
  private final MailEvents carl = new MailEvents("u-carl-addr", "carl@acme.test");
  private ContactsApp app;

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_addresses");
    List<OfficeEvent> events = new ArrayList<>(NamedCorrespondents.events(ana, 3, T));
    events.addAll(twoWay(ana, UNNAMED));
    events.addAll(twoWay(bo, BOS_FRIEND));
    events.addAll(twoWay(carl, "carl.one@carl-co.test"));
    events.addAll(twoWay(carl, "carl.two@carl-co.test"));
    deliver(events);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void everyCandidateShowsItsOwnerANameOrItsAddress() throws Exception {
    Map<String, JsonNode> byAddress = candidatesByAddress(ana);

    assertThat(byAddress).containsOnlyKeys(anasCorrespondents());
    for (int i = 0; i < 3; i++) {
      assertThat(byAddress.get(NamedCorrespondents.address(i)).path("display_name").asString())
          .isEqualTo(NamedCorrespondents.name(i));
    }
    assertThat(byAddress.get(UNNAMED).path("display_name").isNull()).isTrue();
  }

  @Test
  void theContactRowsHoldTheAddressOnlySealed() {
    List<String> rows =
        app.database()
            .column("SELECT row_to_json(c)::text FROM contacts c WHERE user_id = ?", ana.userId());
    List<String> sealed =
        app.database()
            .column(
                "SELECT encode(address_ciphertext, 'hex') FROM contacts WHERE user_id = ?"
                    + " AND address_key_id = 'dev-insecure'",
                ana.userId());

    assertThat(sealed).hasSize(anasCorrespondents().size());
    for (String address : anasCorrespondents()) {
      byte[] plain = address.getBytes(StandardCharsets.UTF_8);
      assertThat(sealed).noneMatch(hex -> contains(HexFormat.of().parseHex(hex), plain));
      assertThat(rows).noneMatch(row -> row.toLowerCase(Locale.ROOT).contains(address));
    }
    String dump = app.database().dump().toLowerCase(Locale.ROOT);
    assertThat(anasCorrespondents()).noneMatch(dump::contains);
    assertThat(dump).doesNotContain(BOS_FRIEND);
  }

  @Test
  void anotherUsersTokenNeverSeesTheAddress() throws Exception {
    String bosCandidates = get("/onboarding/vips?limit=100", bo).body();
    String bosSelection = get("/onboarding/vips/selection", bo).body();

    assertThat(candidatesByAddress(bo)).containsOnlyKeys(BOS_FRIEND);
    for (String address : anasCorrespondents()) {
      assertThat(bosCandidates).doesNotContain(address);
      assertThat(bosSelection).doesNotContain(address);
    }
  }

  @Test
  void theSavedSelectionShowsTheAddressesToItsOwner() throws Exception {
    String first = hashOf(ana, NamedCorrespondents.address(0));
    String unnamed = hashOf(ana, UNNAMED);
    HttpResponse<String> saved = select(ana, List.of(unnamed, first));

    assertThat(saved.statusCode()).isEqualTo(200);
    JsonNode vips = JSON.readTree(get("/onboarding/vips/selection", ana).body()).path("vips");
    assertThat(vips.get(0).path("address").asString()).isEqualTo(UNNAMED);
    assertThat(vips.get(1).path("address").asString()).isEqualTo(NamedCorrespondents.address(0));
    assertThat(vips.get(1).path("display_name").asString()).isEqualTo(NamedCorrespondents.name(0));
  }

  @Test
  void anAddressSealedUnderAKeyIdNoLongerConfiguredIsServedWithoutItAndCounted() throws Exception {
    String retired = hashOf(carl, "carl.one@carl-co.test");
    double before = unreadable(UnreadableAddressException.Reason.UNKNOWN_KEY_ID);
    app.database()
        .update(
            "UPDATE contacts SET address_key_id = 'retired-key' WHERE user_id = ?"
                + " AND contact_hash = ?",
            carl.userId(),
            retired);
    bumpContactsVersion(carl);

    HttpResponse<String> response = get("/onboarding/vips?limit=100", carl);

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, JsonNode> byHash = new LinkedHashMap<>();
    JSON.readTree(response.body())
        .path("candidates")
        .forEach(c -> byHash.put(c.path("contact_hash").asString(), c));
    assertThat(byHash.get(retired).path("address").isNull()).isTrue();
    assertThat(byHash.values())
        .filteredOn(c -> !c.path("contact_hash").asString().equals(retired))
        .extracting(c -> c.path("address").asString())
        .containsExactly("carl.two@carl-co.test");
    assertThat(unreadable(UnreadableAddressException.Reason.UNKNOWN_KEY_ID)).isEqualTo(before + 1);
  }

  @Test
  void aPurgeErasesTheUsersKeySoNoCopyOfTheirAddressesOpensAgain() throws Exception {
    MailEvents dora = new MailEvents("u-dora-addr", "dora@acme.test");
    String address = "dora.friend@dora-co.test";
    deliver(twoWay(dora, address));
    String hash = hashOf(dora, address);
    SealedAddress copy =
        new SealedAddress(
            "dev-insecure",
            HexFormat.of()
                .parseHex(
                    app.database()
                        .column(
                            "SELECT encode(address_ciphertext, 'hex') FROM contacts"
                                + " WHERE user_id = ? AND contact_hash = ?",
                            dora.userId(),
                            hash)
                        .get(0)));
    byte[] salt = saltOf(dora);
    AddressCipher cipher = app.context().getBean(AddressCipher.class);
    assertThat(cipher.forUser(dora.userId(), salt).open(hash, copy))
        .as("the copy opens while the user's salt exists")
        .isEqualTo(address);

    app.publish(dora.deleted());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                app.database()
                        .count(
                            "SELECT count(*) FROM user_address_keys WHERE user_id = ?",
                            dora.userId())
                    == 0);

    assertThat(
            app.database().count("SELECT count(*) FROM contacts WHERE user_id = ?", dora.userId()))
        .isZero();
    assertThatThrownBy(() -> cipher.forUser(dora.userId(), cipher.newSalt()).open(hash, copy))
        .isInstanceOf(UnreadableAddressException.class);
    assertThat(get("/onboarding/vips", dora).statusCode()).isEqualTo(401);
  }

  private List<String> anasCorrespondents() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      all.add(NamedCorrespondents.address(i));
    }
    all.add(UNNAMED);
    return all;
  }

  /** A message from {@code other} to the user and the user's answer: a ranked contact. */
  private static List<OfficeEvent> twoWay(MailEvents user, String other) {
    // An id without the address: the message id is stored (interactions.item_id), the address not.
    String id = user.userId() + "-" + Integer.toHexString(other.hashCode());
    return List.of(
        user.email(id + "-in", other, List.of(user.account()), List.of(), T),
        user.email(id + "-out", user.account(), List.of(other), List.of(), T.plusSeconds(60)));
  }

  private void deliver(List<OfficeEvent> events) {
    long emails = app.handled().acked(EventType.EMAIL);
    long calendars = app.handled().acked(EventType.CALENDAR);
    long newEmails = events.stream().filter(EmailEvent.class::isInstance).count();
    long newCalendars = events.stream().filter(CalendarEvent.class::isInstance).count();
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                app.handled().acked(EventType.EMAIL) >= emails + newEmails
                    && app.handled().acked(EventType.CALENDAR) >= calendars + newCalendars);
  }

  private Map<String, JsonNode> candidatesByAddress(MailEvents user) throws Exception {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JSON.readTree(get("/onboarding/vips?limit=100", user).body())
        .path("candidates")
        .forEach(c -> out.put(c.path("address").asString(), c));
    return out;
  }

  private String hashOf(MailEvents user, String address) throws Exception {
    return candidatesByAddress(user).get(address).path("contact_hash").asString();
  }

  private byte[] saltOf(MailEvents user) {
    return HexFormat.of()
        .parseHex(
            app.database()
                .column(
                    "SELECT encode(salt, 'hex') FROM user_address_keys WHERE user_id = ?",
                    user.userId())
                .get(0));
  }

  private void bumpContactsVersion(MailEvents user) {
    app.database()
        .update(
            "UPDATE user_state SET contacts_version = nextval('contacts_version_seq')"
                + " WHERE user_id = ?",
            user.userId());
  }

  private double unreadable(UnreadableAddressException.Reason reason) {
    Counter counter =
        app.context()
            .getBean(MeterRegistry.class)
            .find("officeflow.contacts.addresses.unreadable")
            .tag("reason", reason.wire())
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private HttpResponse<String> select(MailEvents user, List<String> hashes) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/onboarding/vips/selection"))
            .header("Authorization", "Bearer " + app.jwks().token(user.userId()))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("contact_hashes", hashes))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, MailEvents user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .header("Authorization", "Bearer " + app.jwks().token(user.userId()))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
