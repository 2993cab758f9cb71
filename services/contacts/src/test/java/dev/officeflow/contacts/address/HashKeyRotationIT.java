package dev.officeflow.contacts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.address.HashKeyRotation.HashedColumn;
import dev.officeflow.contacts.onboarding.Selections;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.Database;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a restart does to the stored hashes: the same key and version keep them, another version
 * deletes them, another key under the same version stops the service.
 */
@IntegrationTest
class HashKeyRotationIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(1));
  private static final String CY = "cy@example.net";
  private static final String KEY = "rotation-it-key-one";
  private static final String OTHER_KEY = "rotation-it-key-two";

  private final MailEvents user = new MailEvents("u-rotating", "dana@acme.test");
  private ContactsApp app;

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void theSameUserAndAddressHashTheSameAfterARestart() {
    app = ContactsApp.start("contacts_rotation_same", key(KEY, 1));
    deliver(EventType.EMAIL, List.of(mailFromCy("m1")));
    List<String> before = contactHashes();

    app = app.restart(key(KEY, 1));
    deliver(EventType.EMAIL, List.of(mailFromCy("m2")));

    assertThat(contactHashes()).hasSize(1).isEqualTo(before);
    assertThat(app.database().count("SELECT interactions FROM contacts")).isEqualTo(2);
  }

  @Test
  void aNewKeyVersionDeletesEveryHashOfTheOldOne() {
    app = ContactsApp.start("contacts_rotation_version", key(KEY, 1));
    fill();
    List<String> old = contactHashes();

    app = app.restart(key(OTHER_KEY, 2));

    assertThat(rowsHoldingHashes()).isZero();
    assertThat(app.database().column("SELECT version FROM hash_key_state")).containsExactly("2");
    assertThat(app.database().column("SELECT selection_saved_at FROM user_state"))
        .containsOnlyNulls();
    deliver(EventType.EMAIL, List.of(mailFromCy("m2")));
    assertThat(contactHashes()).singleElement().asString().startsWith("v2:").isNotIn(old);
  }

  @Test
  void hashesWrittenBeforeKeyVersionsAreDeletedAtTheFirstStart() {
    app = ContactsApp.start("contacts_rotation_legacy", key(KEY, 1));
    fill();
    Database db = app.database();
    for (HashedColumn c : HashKeyRotation.HASHED_COLUMNS) {
      db.update("UPDATE " + c.table() + " SET " + c.column() + " = substr(" + c.column() + ", 4)");
    }
    db.update("DELETE FROM hash_key_state");

    app = app.restart(key(KEY, 1));

    assertThat(rowsHoldingHashes()).isZero();
    assertThat(app.database().column("SELECT version FROM hash_key_state")).containsExactly("1");
  }

  @Test
  void anotherKeyUnderTheSameVersionRefusesToStart() {
    app = ContactsApp.start("contacts_rotation_key", key(KEY, 1));
    fill();
    Database db = app.database();
    long stored = rowsHoldingHashes();

    assertThatThrownBy(() -> app.restart(key(OTHER_KEY, 1)))
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("new hash-key-version");
    assertThat(stored).isPositive();
    assertThat(rowsHoldingHashes(db)).isEqualTo(stored);
  }

  /** Contacts, interactions, an own address and a VIP selection, all hashed. */
  private void fill() {
    deliver(EventType.INTEGRATION, List.of(user.connected()));
    deliver(EventType.EMAIL, List.of(mailFromCy("m1")));
    app.context().getBean(Selections.class).save(user.userId(), contactHashes()).block();
  }

  private EmailEvent mailFromCy(String id) {
    return user.email(id, CY, List.of(user.account()), List.of(), T);
  }

  private static Map<String, Object> key(String key, int version) {
    return Map.of(
        "officeflow.contacts.address.hash-key", key,
        "officeflow.contacts.address.hash-key-version", version);
  }

  private List<String> contactHashes() {
    return app.database().column("SELECT contact_hash FROM contacts");
  }

  private long rowsHoldingHashes() {
    return rowsHoldingHashes(app.database());
  }

  private static long rowsHoldingHashes(Database db) {
    return HashKeyRotation.HASHED_COLUMNS.stream()
        .mapToLong(c -> db.count("SELECT count(*) FROM " + c.table()))
        .sum();
  }

  private void deliver(EventType type, List<? extends OfficeEvent> events) {
    long before = app.handled().acked(type);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(type) >= before + events.size());
  }
}
