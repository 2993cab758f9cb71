package dev.officeflow.contacts.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.onboarding.Selections;
import dev.officeflow.contacts.testing.ContactEventsSeen;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.forget.DatabaseForgottenUsers;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A deleted user leaves nothing behind but the record that they were forgotten (their id and when),
 * which keeps late events and old tokens from bringing them back; other users keep everything.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserPurgeIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(1));

  private ContactsApp app;

  private ContactEventsSeen seen;

  @BeforeAll
  void start() {
    app =
        ContactsApp.start(
            "contacts_purge",
            Map.of(
                "officeflow.contacts.purge.attempts", 2,
                "officeflow.contacts.purge.retry-backoff", "100ms",
                "officeflow.contacts.purge.sweep-interval", "1s",
                "officeflow.contacts.purge.sweep-min-age", "1s"));
    seen = ContactEventsSeen.of(app);
  }

  @AfterAll
  void stop() throws InterruptedException {
    seen.close();
    app.close();
  }

  @Test
  void deletedUserLeavesNoRowInAnyTable() {
    MailEvents gone = new MailEvents("u-gone", "gone@acme.test");
    MailEvents stays = new MailEvents("u-stays", "stays@acme.test");
    fill(gone);
    fill(stays);

    deliver(EventType.USER, List.of(gone.deleted()));

    assertNothingLeftOf(gone);
    assertThat(
            app.database().count("SELECT count(*) FROM contacts WHERE user_id = ?", stays.userId()))
        .isEqualTo(2);
    assertThat(
            app.database()
                .column(
                    "SELECT user_id FROM " + DatabaseForgottenUsers.TABLE + " ORDER BY user_id"))
        .contains(gone.userId())
        .doesNotContain(stays.userId());
    assertThat(
            app.database()
                .column(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                        + " ORDER BY column_name",
                    DatabaseForgottenUsers.TABLE))
        .as("the record keeps the id and when, nothing of the user's data")
        .containsExactly("forgotten_at", "user_id");
  }

  @Test
  void everyTableHoldingUserDataIsPurged() {
    List<String> withUser =
        app.database()
            .column(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                    + " AND column_name = 'user_id' ORDER BY table_name");

    assertThat(UserDataPurge.TABLES)
        .containsExactlyInAnyOrderElementsOf(
            withUser.stream().filter(t -> !t.equals(DatabaseForgottenUsers.TABLE)).toList());
  }

  @Test
  void userPurgedWhileEventsKeepArrivingEndsWithNoRowAndIsNotAnnouncedAfter() {
    MailEvents gone = new MailEvents("u-gone-busy", "busy@acme.test");
    deliver(EventType.INTEGRATION, List.of(gone.connected()));
    long emails = app.settled("contacts-emails");
    long users = app.settled("contacts-users");

    int published = 0;
    for (int round = 0; round < 10; round++) {
      app.publish(newContacts(gone, "r" + round, 25));
      published += 25;
      if (round == 3) {
        app.publish(gone.deleted());
      }
    }
    awaitSettled("contacts-emails", emails + published);
    awaitSettled("contacts-users", users + 1);
    await().atMost(Duration.ofSeconds(60)).until(() -> pendingPurges() == 0);

    assertNothingLeftOf(gone);
    assertThat(seen.of(gone.userId()))
        .as("the purge announces nothing: vespa-loader removes the whole group")
        .noneMatch(e -> e.operation() == Operation.DELETE);
    int announced = seen.of(gone.userId()).size();
    long more = app.settled("contacts-emails");
    app.publish(newContacts(gone, "late", 25));
    awaitSettled("contacts-emails", more + 25);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> seen.of(gone.userId()).size() == announced);
    assertNothingLeftOf(gone);
  }

  @Test
  void integrationDeletePublishedBesideTheUserDeleteInsertsNothing() {
    MailEvents gone = new MailEvents("u-gone-disconnected", "disconnected@acme.test");
    fill(gone);
    long integrations = app.settled("contacts-integrations");

    deliver(EventType.USER, List.of(gone.deleted()));
    app.publish(gone.disconnected());
    awaitSettled("contacts-integrations", integrations + 1);

    assertNothingLeftOf(gone);
  }

  @Test
  void aPurgeWhoseDeletesFailIsFinishedOnceTheyWork() {
    MailEvents gone = new MailEvents("u-gone-stuck", "stuck@acme.test");
    fill(gone);
    app.database()
        .update(
            "CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'deletes refused by the test'; END $$");
    app.database()
        .update(
            "CREATE TRIGGER refuse_delete BEFORE DELETE ON own_addresses"
                + " FOR EACH ROW EXECUTE FUNCTION refuse_delete()");
    long users = app.settled("contacts-users");
    try {
      app.publish(gone.deleted());

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  app.database()
                          .count(
                              "SELECT COALESCE(max(attempts), 0) FROM pending_purges"
                                  + " WHERE user_id = ?",
                              gone.userId())
                      >= 3);
      assertThat(
              app.database()
                  .column("SELECT last_error FROM pending_purges WHERE user_id = ?", gone.userId()))
          .singleElement()
          .asString()
          .contains("deletes refused by the test");
      assertThat(
              app.database()
                  .count(
                      "SELECT count(*) FROM " + DatabaseForgottenUsers.TABLE + " WHERE user_id = ?",
                      gone.userId()))
          .as("forgotten first, before the deletes that fail")
          .isEqualTo(1);
    } finally {
      app.database().update("DROP TRIGGER refuse_delete ON own_addresses");
      app.database().update("DROP FUNCTION refuse_delete()");
    }

    // Finished by the sweeper or by a redelivery of the nacked event, whichever comes first; the
    // event is settled for good (done, or dead-lettered after its last retry) only then.
    awaitSettled("contacts-users", users + 1);
    await().atMost(Duration.ofSeconds(60)).until(() -> pendingPurges() == 0);
    assertNothingLeftOf(gone);
  }

  /** Every contacts table but the forgotten users' record holds no row of {@code user}. */
  private void assertNothingLeftOf(MailEvents user) {
    for (String table : app.database().tables()) {
      if (table.equals(DatabaseForgottenUsers.TABLE)) {
        continue;
      }
      if (app.database()
          .column(
              "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                  + " AND column_name = 'user_id'",
              table)
          .isEmpty()) {
        continue;
      }
      assertThat(
              app.database()
                  .count("SELECT count(*) FROM " + table + " WHERE user_id = ?", user.userId()))
          .as(table)
          .isZero();
    }
    assertThat(
            app.database()
                .count(
                    "SELECT count(*) FROM " + DatabaseForgottenUsers.TABLE + " WHERE user_id = ?",
                    user.userId()))
        .isEqualTo(1);
  }

  private long pendingPurges() {
    return app.database().count("SELECT count(*) FROM pending_purges");
  }

  private void awaitSettled(String subscription, long count) {
    await().atMost(Duration.ofSeconds(90)).until(() -> app.settled(subscription) >= count);
  }

  private static List<EmailEvent> newContacts(MailEvents user, String prefix, int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                user.email(
                    prefix + "-" + i,
                    prefix + "." + i + "@example.org",
                    List.of(user.account()),
                    List.of(),
                    T))
        .toList();
  }

  private void fill(MailEvents user) {
    deliver(EventType.INTEGRATION, List.of(user.connected()));
    deliver(
        EventType.EMAIL,
        List.of(
            user.email(
                "m1", "bo@example.org", List.of(user.account()), List.of("cy@example.net"), T),
            user.email("m2", user.account(), List.of("bo@example.org"), List.of(), T),
            user.email(
                "m3",
                "bo@example.org",
                List.of(user.account()),
                List.of(),
                T,
                Operation.DELETE,
                T.plusSeconds(5),
                Map.of())));
    deliver(
        EventType.CALENDAR,
        List.of(user.meeting("e1", user.account(), List.of(user.account(), "cy@example.net"), T)));
    String hash =
        app.database()
            .column("SELECT contact_hash FROM contacts WHERE user_id = ? LIMIT 1", user.userId())
            .get(0);
    app.context().getBean(Selections.class).save(user.userId(), List.of(hash)).block();
  }

  private void deliver(EventType type, List<? extends OfficeEvent> events) {
    long before = app.handled().acked(type);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(type) >= before + events.size());
  }
}
