package dev.officeflow.contacts.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.onboarding.Candidates;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.GeneratedMailboxEvents;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.simkit.mailbox.ContactRank;
import dev.officeflow.simkit.mailbox.GeneratedMailbox;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole generated mailbox (2,500 messages, 600 events), backfilled through Pub/Sub as the office
 * service will: what is stored, how it ranks, and what a second backfill changes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedMailboxIT {

  private static final String OWNER = "dana.owner@acme.test";
  private static final String USER = "u-mailbox";
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private ContactsApp app;
  private GoogleSim sim;
  private GeneratedMailbox mailbox;
  private List<EmailEvent> emails;
  private List<CalendarEvent> meetings;

  @BeforeAll
  void backfill() {
    sim =
        GoogleSim.start(
            GoogleSimConfig.defaults()
                .withPort(0)
                .withAccount(
                    AccountSpec.of(OWNER).withMailbox(new MailboxSpec(3, 2000, 500, 500, 100))));
    mailbox = sim.admin().generated(OWNER);
    GeneratedMailboxEvents events = new GeneratedMailboxEvents(USER, OWNER, mailbox.anchor());
    emails = mailbox.messages().stream().map(events::email).toList();
    meetings = mailbox.events().stream().map(events::calendar).toList();
    app = ContactsApp.start("contacts_mailbox");
    publishAll();
  }

  @AfterAll
  void stop() {
    app.close();
    sim.close();
  }

  @Test
  void topTwentyHoldAtLeastSixteenOfTheGeneratorsClosestAndNoAutomatedSender() {
    List<String> top =
        app.context().getBean(Candidates.class).top(USER, 20).block().stream()
            .map(c -> c.contactHash())
            .toList();
    Set<String> closest = new HashSet<>();
    for (ContactRank rank : sim.admin().closestContacts(OWNER, 20)) {
      closest.add(hash(rank.email()));
    }
    List<String> automated =
        app.database()
            .column("SELECT contact_hash FROM contacts WHERE user_id = ? AND automated", USER);

    assertThat(top).hasSize(20).doesNotContainAnyElementsOf(automated);
    assertThat(automated).isNotEmpty();
    assertThat(top.stream().filter(closest::contains).count()).isGreaterThanOrEqualTo(16);
  }

  @Test
  void databaseHoldsNoAddressAndNoSubjectOfTheMailbox() {
    String dump = app.database().dump().toLowerCase(Locale.ROOT);
    Set<String> addresses = new HashSet<>();
    Set<String> subjects = new HashSet<>();
    for (EmailEvent e : emails) {
      Matcher m =
          ADDRESS.matcher(
              String.join(
                  " ",
                  e.email().fromAddress(),
                  String.join(" ", e.email().toAddresses()),
                  String.join(" ", e.email().ccAddresses())));
      while (m.find()) {
        addresses.add(m.group().toLowerCase(Locale.ROOT));
      }
      subjects.add(e.email().subject().toLowerCase(Locale.ROOT));
    }
    meetings.forEach(
        c -> c.event().attendees().forEach(a -> addresses.add(a.toLowerCase(Locale.ROOT))));

    assertThat(addresses).hasSizeGreaterThan(100);
    assertThat(addresses).noneMatch(dump::contains);
    assertThat(subjects).noneMatch(dump::contains);
  }

  @Test
  void theSameBackfillPublishedAgainChangesNoCount() {
    String before = snapshot();

    publishAll();

    assertThat(snapshot()).isEqualTo(before);
  }

  private void publishAll() {
    long emailsBefore = app.handled().acked(EventType.EMAIL);
    long calendarsBefore = app.handled().acked(EventType.CALENDAR);
    app.publish(emails);
    app.publish(meetings);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                app.handled().acked(EventType.EMAIL) >= emailsBefore + emails.size()
                    && app.handled().acked(EventType.CALENDAR)
                        >= calendarsBefore + meetings.size());
  }

  private String snapshot() {
    StringBuilder out = new StringBuilder();
    for (String table : app.database().tables()) {
      out.append(table)
          .append('=')
          .append(app.database().count("SELECT count(*) FROM " + table))
          .append('\n');
    }
    app.database()
        .column(
            "SELECT concat_ws('|', contact_hash, interactions, emails_sent_to, emails_sent_cc,"
                + " emails_received, emails_shared, meetings, small_meetings)"
                + " FROM contacts ORDER BY contact_hash")
        .forEach(row -> out.append(row).append('\n'));
    return out.toString();
  }

  private String hash(String address) {
    return app.context()
        .getBean(ContactHasher.class)
        .hash(USER, Addresses.normalize(address).orElseThrow());
  }
}
