package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.deadletter.DeadLetter;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code setup-pubsub dead-letters} against the real emulator, on the catalog applied under a
 * prefix of its own per test, with dead letters published as the consumer runtime publishes them.
 */
@IntegrationTest
class DeadLettersIT {

  private static final String CONTACTS_EMAILS_DL = "contacts-emails-dead-letter";
  private static final String OFFICE_USERS_DL = "office-users-dead-letter";

  private final String prefix = Infrastructure.uniqueName("dl") + "-";
  private final String project = Infrastructure.pubsubProjectId();
  private EmulatorAdmin admin;

  record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void applyTheCatalog() {
    admin = new EmulatorAdmin(Infrastructure.pubsubEmulatorHost(), project);
    Run apply = main(new ArrayList<>(connection()));
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    admin.close();
  }

  private List<String> connection() {
    return List.of(
        "--emulator",
        Infrastructure.pubsubEmulatorHost(),
        "--project",
        project,
        "--prefix",
        prefix);
  }

  private Run deadLetters(String command, String... arguments) {
    List<String> args = new ArrayList<>(List.of("dead-letters", command));
    args.addAll(List.of(arguments));
    args.addAll(connection());
    return main(args);
  }

  private static Run main(List<String> args) {
    Fixtures.Captured out = Fixtures.capture();
    Fixtures.Captured err = Fixtures.capture();
    int exit = Main.run(args.toArray(String[]::new), Map.of(), out.stream(), err.stream());
    return new Run(exit, out.text(), err.text());
  }

  /** A dead letter as the runtime writes it: the event, its attributes and why. */
  private String deadLetter(String subscription, String user, String reason) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put(EventAttributes.SUBJECT, user);
    attributes.put(EventAttributes.TYPE, "dev.officeflow.email.v1");
    attributes.put(EventAttributes.ERROR_REASON, reason);
    attributes.put(EventAttributes.ERROR_CLASS, reason.split(":")[0]);
    attributes.put(
        EventAttributes.ERROR_SUBSCRIPTION, prefix + subscription.replace("-dead-letter", ""));
    attributes.put(EventAttributes.ERROR_MESSAGE_ID, "orig-" + user);
    attributes.put(EventAttributes.ERROR_DELIVERY_ATTEMPT, "1");
    return admin.publish(
        prefix + subscription,
        attributes,
        "{\"metadata\":{\"user_id\":\"" + user + "\"},\"user_id\":\"" + user + "\"}");
  }

  private String line(Run run, String subscription) {
    return run.out()
        .lines()
        .filter(l -> l.startsWith(prefix + subscription + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + subscription + ":\n" + run.out()));
  }

  @Test
  void listCountsEachDeadLetterSubscriptionByReasonAndLeavesThemThere() {
    deadLetter(CONTACTS_EMAILS_DL, "u1", "invalid: email.received_date: missing");
    deadLetter(CONTACTS_EMAILS_DL, "u2", "invalid: not JSON");
    deadLetter(CONTACTS_EMAILS_DL, "u3", "too_large: 9437184 bytes");
    deadLetter(OFFICE_USERS_DL, "u1", "permanent: no such user");

    Run first = deadLetters("list");
    Run second = deadLetters("list", CONTACTS_EMAILS_DL);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(line(first, CONTACTS_EMAILS_DL)).matches(".* 3  invalid=2 too_large=1");
    assertThat(line(first, OFFICE_USERS_DL)).matches(".* 1  permanent=1");
    assertThat(line(first, "vespa-loader-emails-dead-letter")).matches(".* 0");
    assertThat(first.out())
        .endsWith("4 dead letters in " + Catalog.subscriptions().size() + " subscriptions\n");
    assertThat(line(second, CONTACTS_EMAILS_DL)).matches(".* 3  invalid=2 too_large=1");
  }

  @Test
  void showPrintsTheSelectedMessagesWithTheirReasonAndTheStartOfTheirData() {
    deadLetter(CONTACTS_EMAILS_DL, "u1", "invalid: email.received_date: missing");
    String large = deadLetter(CONTACTS_EMAILS_DL, "u2", "too_large: 9437184 bytes");

    Run show =
        deadLetters("show", CONTACTS_EMAILS_DL, "--reason", "too_large", "--data-chars", "12");

    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out())
        .contains("message " + large + " ")
        .contains("reason: too_large: 9437184 bytes")
        .contains("users: u2")
        .containsPattern("data \\(\\d+ bytes\\): \\{\"metadata\":…\n")
        .doesNotContain("received_date")
        .contains("1 shown of 2 messages read");
  }

  @Test
  void purgeEmptiesTheNamedSubscriptionAndNoOther() {
    deadLetter(CONTACTS_EMAILS_DL, "u1", "invalid: x");
    deadLetter(CONTACTS_EMAILS_DL, "u2", "invalid: y");
    deadLetter(OFFICE_USERS_DL, "u1", "invalid: z");

    Run purge = deadLetters("purge", "contacts-emails");
    Run list = deadLetters("list", CONTACTS_EMAILS_DL, OFFICE_USERS_DL);

    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.out()).startsWith("purged " + prefix + CONTACTS_EMAILS_DL + ": ");
    assertThat(line(list, CONTACTS_EMAILS_DL)).matches(".* 0");
    assertThat(line(list, OFFICE_USERS_DL)).matches(".* 1  invalid=1");
  }

  @Test
  void purgeUserRemovesThatUsersMessagesEverywhereAndKeepsEveryoneElses() {
    deadLetter(CONTACTS_EMAILS_DL, "u1", "invalid: a");
    deadLetter(CONTACTS_EMAILS_DL, "u1", "too_large: b");
    String other = deadLetter(CONTACTS_EMAILS_DL, "u10", "invalid: c");
    String garbage = admin.publish(prefix + CONTACTS_EMAILS_DL, Map.of(), "not json at all");
    deadLetter(OFFICE_USERS_DL, "u1", "invalid: d");

    Run purge = deadLetters("purge-user", "u1");
    Run show = deadLetters("show", CONTACTS_EMAILS_DL);
    Run list = deadLetters("list", CONTACTS_EMAILS_DL, OFFICE_USERS_DL);

    assertThat(purge.exitCode()).as(purge.err()).isZero();
    assertThat(purge.out())
        .contains(prefix + CONTACTS_EMAILS_DL + ": removed 2, kept 2")
        .contains(prefix + OFFICE_USERS_DL + ": removed 1, kept 0")
        .endsWith("removed 3 dead letters of user u1\n");
    assertThat(show.out()).contains("message " + other + " ", "message " + garbage + " ");
    assertThat(line(list, CONTACTS_EMAILS_DL)).matches(".* 2  invalid=1 unknown=1");
    assertThat(line(list, OFFICE_USERS_DL)).matches(".* 0");
  }

  @Test
  void replayRepublishesToTheOriginalTopicWithoutErrorAttributesAndAcksTheDeadLetter() {
    String replayed = deadLetter(CONTACTS_EMAILS_DL, "u1", "invalid: store rejected it");
    deadLetter(CONTACTS_EMAILS_DL, "u2", "too_large: 9437184 bytes");

    Run dryRun = deadLetters("replay", CONTACTS_EMAILS_DL, "--reason", "invalid", "--dry-run");
    Run replay = deadLetters("replay", CONTACTS_EMAILS_DL, "--reason", "invalid");

    assertThat(dryRun.out()).contains("would replay " + replayed, "dry run, nothing replayed");
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out())
        .contains("replayed " + replayed + " (invalid: store rejected it) to " + prefix + "emails")
        .endsWith("replayed 1 of " + prefix + CONTACTS_EMAILS_DL + " to " + prefix + "emails\n");
    // Every subscription of the topic gets it again: both consumers' subscriptions.
    for (String source : List.of("contacts-emails", "vespa-loader-emails")) {
      List<PubsubMessage> arrived = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> arrived.addAll(admin.drain(prefix + source)));
      assertThat(arrived).hasSize(1);
      assertThat(arrived.get(0).getAttributesMap())
          .containsEntry(EventAttributes.SUBJECT, "u1")
          .containsEntry(DeadLetter.REPLAY_COUNT, "1")
          .doesNotContainKeys(EventAttributes.ERROR_REASON, EventAttributes.ERROR_SUBSCRIPTION);
    }
    assertThat(line(deadLetters("list", CONTACTS_EMAILS_DL), CONTACTS_EMAILS_DL))
        .matches(".* 1  too_large=1");
  }

  @Test
  void aSubscriptionOutsideTheCatalogIsABadArgument() {
    Run show = deadLetters("show", "nobody-dead-letter");

    assertThat(show.exitCode()).isEqualTo(2);
    assertThat(show.err())
        .contains("no dead-letter subscription nobody-dead-letter in the catalog");
  }
}
