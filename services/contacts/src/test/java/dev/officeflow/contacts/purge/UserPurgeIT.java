package dev.officeflow.contacts.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.onboarding.Selections;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.forget.DatabaseForgottenUsers;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_purge");
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void deletedUserLeavesNoRowInAnyTable() {
    MailEvents gone = new MailEvents("u-gone", "gone@acme.test");
    MailEvents stays = new MailEvents("u-stays", "stays@acme.test");
    fill(gone);
    fill(stays);

    deliver(EventType.USER, List.of(gone.deleted()));

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
                  .count("SELECT count(*) FROM " + table + " WHERE user_id = ?", gone.userId()))
          .as(table)
          .isZero();
    }
    assertThat(
            app.database().count("SELECT count(*) FROM contacts WHERE user_id = ?", stays.userId()))
        .isEqualTo(2);
    assertThat(
            app.database()
                .column(
                    "SELECT user_id FROM " + DatabaseForgottenUsers.TABLE + " ORDER BY user_id"))
        .containsExactly(gone.userId());
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
