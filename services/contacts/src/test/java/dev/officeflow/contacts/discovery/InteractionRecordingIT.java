package dev.officeflow.contacts.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.discovery.store.ContactAggregates;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Email and calendar events become interactions exactly once, whatever the delivery. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteractionRecordingIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(3));
  private static final String BO = "bo@example.org";
  private static final String CY = "cy@example.net";
  private static final String DEE = "dee@example.com";

  private ContactsApp app;

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_recording");
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void sameEmailDeliveredThreeTimesCountsOnce() {
    MailEvents user = newUser();
    EmailEvent email = user.email("m1", BO, List.of(user.account()), List.of(DEE), T);

    deliver(EventType.EMAIL, List.of(email, email, email));

    assertThat(interactions(user)).isEqualTo(2);
    assertThat(contactColumn(user, BO, "emails_received")).isEqualTo("1");
    assertThat(contactColumn(user, DEE, "emails_shared")).isEqualTo("1");
  }

  @Test
  void updateReplacesTheItemsInteractions() {
    MailEvents user = newUser();
    deliver(
        EventType.EMAIL, List.of(user.email("m1", user.account(), List.of(BO, CY), List.of(), T)));

    deliver(EventType.EMAIL, List.of(update(user, "m1", List.of(BO, DEE), T.plusSeconds(60))));

    assertThat(participants(user)).containsExactlyInAnyOrder(hash(user, BO), hash(user, DEE));
    assertThat(contactColumn(user, BO, "emails_sent_to")).isEqualTo("1");
  }

  @Test
  void deleteRemovesTheItemsInteractionsAndTheContactsLeftWithout() {
    MailEvents user = newUser();
    deliver(EventType.EMAIL, List.of(user.email("m1", BO, List.of(user.account()), List.of(), T)));
    deliver(EventType.EMAIL, List.of(user.email("m2", user.account(), List.of(CY), List.of(), T)));

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

    assertThat(participants(user)).containsExactly(hash(user, CY));
    assertThat(
            app.database().count("SELECT count(*) FROM contacts WHERE user_id = ?", user.userId()))
        .isEqualTo(1);
  }

  @Test
  void olderUpdateDeliveredLateDoesNotOverwriteTheNewer() {
    MailEvents user = newUser();
    EmailEvent newer = update(user, "m1", List.of(DEE), T.plusSeconds(120));
    EmailEvent older = update(user, "m1", List.of(CY), T.plusSeconds(60));

    deliver(EventType.EMAIL, List.of(newer));
    deliver(EventType.EMAIL, List.of(older));

    assertThat(participants(user)).containsExactly(hash(user, DEE));
  }

  @Test
  void addressLearnedAsTheUsersOwnStopsBeingAContact() {
    MailEvents user = newUser();
    String alias = "me.elsewhere@example.com";
    deliver(
        EventType.EMAIL,
        List.of(user.email("m1", user.account(), List.of(alias, BO), List.of(), T)));

    MailEvents viaAlias = new MailEvents(user.userId(), alias);
    deliver(EventType.INTEGRATION, List.of(viaAlias.connected()));

    assertThat(participants(user)).containsExactly(hash(user, BO));
  }

  @Test
  void incrementalAggregatesEqualARebuildFromInteractions() {
    MailEvents user = newUser();
    deliver(
        EventType.EMAIL,
        List.of(
            user.email("m1", BO, List.of(user.account()), List.of(CY), T),
            user.email("m2", user.account(), List.of(BO), List.of(DEE), T.plusSeconds(3600)),
            user.email("m3", CY, List.of(user.account(), BO), List.of(), T.plusSeconds(7200))));
    deliver(
        EventType.CALENDAR,
        List.of(
            user.meeting(
                "e1", user.account(), List.of(user.account(), BO, CY), T.plusSeconds(9000))));
    deliver(EventType.EMAIL, List.of(update(user, "m2", List.of(CY), T.plusSeconds(9999))));
    String incremental = aggregates(user);

    app.context().getBean(ContactAggregates.class).rebuildUser(user.userId()).block();

    assertThat(aggregates(user)).isEqualTo(incremental);
  }

  @Test
  void newContactIsAnnouncedWithTheAddressFromTheMessage() throws Exception {
    MailEvents user = newUser();
    String newcomer = "New.Person+news@Example.org";
    try (EmulatorPubSub pubsub = new EmulatorPubSub();
        EmulatorPubSub.Collector contacts =
            pubsub.collect(app.prefix() + "vespa-loader-contacts")) {
      deliver(
          EventType.EMAIL,
          List.of(user.email("m1", newcomer, List.of(user.account()), List.of(), T)));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  contacts.messages().stream()
                      .map(m -> m.getData().toString(StandardCharsets.UTF_8))
                      .anyMatch(
                          json ->
                              json.contains("new.person+news@example.org")
                                  && json.contains(hash(user, newcomer))
                                  && json.contains(user.userId())));
    }
  }

  private MailEvents newUser() {
    return new MailEvents("u-" + UUID.randomUUID(), "ana@acme.test");
  }

  private EmailEvent update(MailEvents user, String id, List<String> to, Instant version) {
    return user.email(id, user.account(), to, List.of(), T, Operation.UPDATE, version, Map.of());
  }

  /** Publishes {@code events} and waits until the service acked as many of that type. */
  private void deliver(EventType type, List<? extends dev.officeflow.events.OfficeEvent> events) {
    long before = app.handled().acked(type);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(type) >= before + events.size());
  }

  private long interactions(MailEvents user) {
    return app.database()
        .count("SELECT count(*) FROM interactions WHERE user_id = ?", user.userId());
  }

  private List<String> participants(MailEvents user) {
    return app.database()
        .column("SELECT DISTINCT participant FROM interactions WHERE user_id = ?", user.userId());
  }

  private String contactColumn(MailEvents user, String address, String column) {
    return app.database()
        .column(
            "SELECT " + column + " FROM contacts WHERE user_id = ? AND contact_hash = ?",
            user.userId(),
            hash(user, address))
        .get(0);
  }

  private String aggregates(MailEvents user) {
    return String.join(
        "\n",
        app.database()
            .column(
                "SELECT concat_ws('|', contact_hash, display_name, domain, interactions,"
                    + " emails_sent_to, emails_sent_cc, emails_received, emails_shared, meetings,"
                    + " small_meetings, to_char(decayed_sent_to, '9.99999999EEEE'),"
                    + " to_char(decayed_received_to, '9.99999999EEEE'),"
                    + " to_char(decayed_shared, '9.99999999EEEE'),"
                    + " to_char(decayed_small_meetings, '9.99999999EEEE'), automated,"
                    + " first_seen, last_seen, last_outbound)"
                    + " FROM contacts WHERE user_id = ? ORDER BY contact_hash",
                user.userId()));
  }

  private String hash(MailEvents user, String address) {
    return app.context()
        .getBean(ContactHasher.class)
        .hash(user.userId(), Addresses.normalize(address).orElseThrow());
  }
}
