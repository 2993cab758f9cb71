package dev.officeflow.contacts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.testing.ContactEventsSeen;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every way a contact disappears announces {@code ContactEvent(delete)}, newer than the contact's
 * create, so vespa-loader's tombstone keeps its document deleted. (No scoring rule stops publishing
 * a contact: a score that falls is an update with its band, not a removal.)
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VanishedContactsIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(2));
  private static final String BO = "bo@example.org";
  private static final String CY = "cy@example.net";

  private ContactsApp app;
  private ContactEventsSeen seen;

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_vanished");
    seen = ContactEventsSeen.of(app);
  }

  @AfterAll
  void stop() throws InterruptedException {
    seen.close();
    app.close();
  }

  @Test
  void contactWhoseOnlyMailIsDeletedIsAnnouncedDeleted() {
    MailEvents user = newUser();
    deliver(EventType.EMAIL, List.of(user.email("m1", BO, List.of(user.account()), List.of(), T)));
    awaitOperations(user, BO, Operation.CREATE);

    deliver(
        EventType.EMAIL,
        List.of(
            user.email(
                "m1",
                BO,
                List.of(user.account()),
                List.of(),
                T,
                Operation.DELETE,
                T.plusSeconds(60),
                Map.of())));

    assertDeletedAfterCreate(user, BO, "no_interactions");
  }

  @Test
  void contactDroppedFromTheOnlyMessageByAnUpdateIsAnnouncedDeleted() {
    MailEvents user = newUser();
    deliver(
        EventType.EMAIL, List.of(user.email("m1", user.account(), List.of(BO, CY), List.of(), T)));
    awaitOperations(user, CY, Operation.CREATE);

    deliver(
        EventType.EMAIL,
        List.of(
            user.email(
                "m1",
                user.account(),
                List.of(BO),
                List.of(),
                T,
                Operation.UPDATE,
                T.plusSeconds(60),
                Map.of())));

    assertDeletedAfterCreate(user, CY, "no_interactions");
    assertThat(operations(user, BO)).containsExactly(Operation.CREATE);
  }

  @Test
  void contactOfACancelledMeetingIsAnnouncedDeleted() {
    MailEvents user = newUser();
    deliver(
        EventType.CALENDAR,
        List.of(user.meeting("e1", user.account(), List.of(user.account(), CY), T)));
    awaitOperations(user, CY, Operation.CREATE);

    deliver(
        EventType.CALENDAR,
        List.of(
            user.meeting(
                "e1",
                user.account(),
                List.of(user.account(), CY),
                T,
                Operation.DELETE,
                T.plusSeconds(60))));

    assertDeletedAfterCreate(user, CY, "no_interactions");
  }

  @Test
  void contactFoundToBeTheUsersOwnAddressIsAnnouncedDeleted() {
    MailEvents user = newUser();
    String alias = "me.elsewhere@example.com";
    deliver(
        EventType.EMAIL,
        List.of(user.email("m1", user.account(), List.of(alias, BO), List.of(), T)));
    awaitOperations(user, alias, Operation.CREATE);

    deliver(EventType.INTEGRATION, List.of(new MailEvents(user.userId(), alias).connected()));

    assertDeletedAfterCreate(user, alias, "own_address");
    assertThat(operations(user, BO)).containsExactly(Operation.CREATE);
  }

  @Test
  void aContactAnnouncedAgainAfterItVanishedIsNewerThanItsDelete() {
    MailEvents user = newUser();
    deliver(EventType.EMAIL, List.of(user.email("m1", BO, List.of(user.account()), List.of(), T)));
    deliver(
        EventType.EMAIL,
        List.of(
            user.email(
                "m1",
                BO,
                List.of(user.account()),
                List.of(),
                T,
                Operation.DELETE,
                T.plusSeconds(60),
                Map.of())));
    awaitOperations(user, BO, Operation.CREATE, Operation.DELETE);

    deliver(EventType.EMAIL, List.of(user.email("m2", BO, List.of(user.account()), List.of(), T)));

    List<ContactEvent> events =
        awaitOperations(user, BO, Operation.CREATE, Operation.DELETE, Operation.CREATE);
    assertThat(events.get(2).lastUpdated()).isAfter(events.get(1).lastUpdated());
  }

  private void assertDeletedAfterCreate(MailEvents user, String address, String why) {
    List<ContactEvent> events = awaitOperations(user, address, Operation.CREATE, Operation.DELETE);
    ContactEvent created = events.get(0);
    ContactEvent deleted = events.get(1);
    assertThat(deleted.lastUpdated()).isAfter(created.lastUpdated());
    assertThat(deleted.provider()).isEqualTo(created.provider());
    assertThat(deleted.providerItemId()).isEqualTo(created.providerItemId());
    assertThat(deleted.metadata().tags()).containsEntry("removed_because", why);
    assertThat(deleted.contact().emailAddresses()).isEmpty();
    assertThat(
            app.database()
                .count(
                    "SELECT count(*) FROM contacts WHERE user_id = ? AND contact_hash = ?",
                    user.userId(),
                    hash(user, address)))
        .isZero();
  }

  /** Waits until the contact's events are exactly {@code expected}, in that order. */
  private List<ContactEvent> awaitOperations(
      MailEvents user, String address, Operation... expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> operations(user, address).size() >= expected.length);
    assertThat(operations(user, address)).containsExactly(expected);
    return seen.about(user.userId(), hash(user, address));
  }

  private List<Operation> operations(MailEvents user, String address) {
    return seen.about(user.userId(), hash(user, address)).stream()
        .map(ContactEvent::operation)
        .toList();
  }

  private MailEvents newUser() {
    return new MailEvents("u-" + UUID.randomUUID(), "ana@acme.test");
  }

  private void deliver(EventType type, List<? extends OfficeEvent> events) {
    long before = app.handled().acked(type);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(type) >= before + events.size());
  }

  private String hash(MailEvents user, String address) {
    return app.context()
        .getBean(ContactHasher.class)
        .hash(user.userId(), Addresses.normalize(address).orElseThrow());
  }
}
