package dev.officeflow.contacts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.address.HashKeyRotation.HashedColumn;
import dev.officeflow.contacts.onboarding.Selections;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two users who write with one person, through the real discovery path: what the database holds.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerUserHashingIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(1));
  private static final String SHARED = "Shared.Person+news@Example.org";
  private static final String KEY = "per-user-hashing-it-master-key";

  private final MailEvents ana = new MailEvents("u-ana", "ana@acme.test");
  private final MailEvents bo = new MailEvents("u-bo", "bo@other.test");
  private ContactsApp app;

  @BeforeAll
  void start() {
    app =
        ContactsApp.start(
            "contacts_hashing",
            Map.of(
                "officeflow.contacts.address.hash-key",
                KEY,
                "officeflow.contacts.address.hash-key-version",
                7,
                // The contact events stay in the outbox, so the checks below cover it too.
                "officeflow.contacts.outbox.relay",
                false));
    deliver(EventType.INTEGRATION, List.of(ana.connected(), bo.connected()));
    deliver(
        EventType.EMAIL,
        List.of(
            ana.email("m1", SHARED, List.of(ana.account()), List.of(), T),
            bo.email("m1", SHARED, List.of(bo.account()), List.of(), T)));
    app.context().getBean(Selections.class).save(ana.userId(), contactHashes(ana)).block();
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void twoUsersWithOneSharedContactGetDifferentHashes() {
    ContactHasher hasher = app.context().getBean(ContactHasher.class);
    NormalizedAddress shared = Addresses.normalize(SHARED).orElseThrow();

    assertThat(contactHashes(ana)).containsExactly(hasher.hash(ana.userId(), shared));
    assertThat(contactHashes(bo)).containsExactly(hasher.hash(bo.userId(), shared));
    assertThat(contactHashes(ana)).doesNotContainAnyElementsOf(contactHashes(bo));
  }

  @Test
  void everyStoredHashNamesTheKeyVersion() {
    for (HashedColumn c : HashKeyRotation.HASHED_COLUMNS) {
      assertThat(app.database().column("SELECT " + c.column() + " FROM " + c.table()))
          .as(c.table())
          .isNotEmpty()
          .allSatisfy(hash -> assertThat(hash).startsWith("v7:").matches(ContactHasher::isHash));
    }
    assertThat(app.database().column("SELECT version FROM hash_key_state")).containsExactly("7");
  }

  @Test
  void everyColumnHoldingAHashIsOneTheRotationForgets() {
    List<String> textColumns =
        app.database()
            .column(
                "SELECT table_name || '.' || column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND data_type = 'text'");
    List<String> holdingHashes =
        textColumns.stream()
            .filter(
                tc -> {
                  String[] part = tc.split("\\.");
                  return app.database()
                          .count(
                              "SELECT count(*) FROM "
                                  + part[0]
                                  + " WHERE "
                                  + part[1]
                                  + " ~ '^v[0-9]+:[0-9a-f]{64}$'")
                      > 0;
                })
            .toList();

    assertThat(holdingHashes)
        .containsExactlyInAnyOrderElementsOf(
            HashKeyRotation.HASHED_COLUMNS.stream()
                .map(c -> c.table() + "." + c.column())
                .toList());
  }

  @Test
  void theDatabaseHoldsNeitherAnAddressNorTheKey() {
    assertThat(app.database().count("SELECT count(*) FROM contact_outbox"))
        .as("the unpublished contact events, one per user")
        .isEqualTo(2);
    String dump = app.database().dump().toLowerCase(Locale.ROOT);

    assertThat(dump)
        .doesNotContain("shared.person")
        .doesNotContain(ana.account())
        .doesNotContain(bo.account())
        .doesNotContain(KEY);
  }

  @Test
  void theOutboxSealsTheAddressItsEventNames() {
    String sealed =
        app.database()
            .column(
                "SELECT encode(sealed_address, 'base64') FROM contact_outbox WHERE user_id = ?",
                ana.userId())
            .get(0)
            .replace("\n", "");
    String hash = contactHashes(ana).get(0);
    AddressSealer sealer = app.context().getBean(AddressSealer.class);

    assertThat(sealer.open(ana.userId(), hash, Base64.getDecoder().decode(sealed)))
        .isEqualTo(Addresses.normalize(SHARED).orElseThrow().value());
  }

  private List<String> contactHashes(MailEvents user) {
    return app.database()
        .column("SELECT contact_hash FROM contacts WHERE user_id = ?", user.userId());
  }

  private void deliver(EventType type, List<? extends OfficeEvent> events) {
    long before = app.handled().acked(type);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(type) >= before + events.size());
  }
}
