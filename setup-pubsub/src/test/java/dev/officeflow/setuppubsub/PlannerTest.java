package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.officeflow.setuppubsub.Difference.Kind;
import dev.officeflow.setuppubsub.Plan.Action;
import dev.officeflow.setuppubsub.SubscriptionSettings.Backoff;
import dev.officeflow.setuppubsub.SubscriptionSettings.DeadLetter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private final InMemoryPubSub pubsub = new InMemoryPubSub();
  private final DesiredState desired = Fixtures.smallCatalog("");

  private Plan plan() {
    return new Planner(pubsub).plan(desired);
  }

  private void applyAll() {
    new Applier(pubsub, Fixtures.capture().stream()).apply(plan());
  }

  @Test
  void onAnEmptyProjectEverythingIsMissing() {
    Plan plan = plan();

    assertThat(plan.steps()).allMatch(step -> step.action() == Action.CREATE);
    assertThat(plan.differences())
        .extracting(Difference::describe)
        .contains(
            "missing topic emails",
            "missing topic contacts-emails-dead-letter",
            "missing subscription contacts-emails",
            "missing subscription contacts-emails-dead-letter");
  }

  @Test
  void whenEverythingMatchesThereAreNoDifferences() {
    applyAll();

    assertThat(plan().differences()).isEmpty();
  }

  @Test
  void reportsADifferentAckDeadline() {
    applyAll();
    pubsub.put(withAckDeadline(Fixtures.contactsEmails(), Duration.ofSeconds(45)));

    assertThat(plan().differences())
        .containsExactly(
            new Difference(Kind.ACK_DEADLINE, "contacts-emails", "ack deadline 45s, expected 30s"));
  }

  @Test
  void reportsADifferentDeadLetterTopic() {
    applyAll();
    pubsub.put(withDeadLetter(Fixtures.contactsEmails(), Optional.of(new DeadLetter("other", 5))));

    assertThat(plan().differences())
        .containsExactly(
            new Difference(
                Kind.DEAD_LETTER_TOPIC,
                "contacts-emails",
                "dead-letter topic other, expected contacts-emails-dead-letter"));
  }

  @Test
  void reportsAMissingDeadLetterPolicy() {
    applyAll();
    pubsub.put(withDeadLetter(Fixtures.contactsEmails(), Optional.empty()));

    assertThat(plan().differences())
        .extracting(Difference::detail)
        .containsExactly("dead-letter topic none, expected contacts-emails-dead-letter");
  }

  @Test
  void reportsDifferentMaxDeliveryAttempts() {
    applyAll();
    pubsub.put(
        withDeadLetter(
            Fixtures.contactsEmails(),
            Optional.of(new DeadLetter("contacts-emails-dead-letter", 10))));

    assertThat(plan().differences())
        .extracting(Difference::kind, Difference::detail)
        .containsExactly(tuple(Kind.MAX_DELIVERY_ATTEMPTS, "max delivery attempts 10, expected 5"));
  }

  @Test
  void reportsADifferentRetryPolicyAndTheDefaultExpiration() {
    SubscriptionSettings desiredSettings = Fixtures.contactsEmails();
    SubscriptionSettings actual =
        new SubscriptionSettings(
            desiredSettings.name(),
            desiredSettings.topic(),
            desiredSettings.ackDeadline(),
            Optional.of(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(600))),
            desiredSettings.deadLetter(),
            Optional.of(SubscriptionSettings.DEFAULT_EXPIRATION));

    assertThat(Planner.compare(desiredSettings, actual))
        .extracting(Difference::detail)
        .containsExactly(
            "retry policy 10s..600s, expected 1s..60s", "expiration after 31 days, expected never");
  }

  @Test
  void aDeadLetterSinkWithAShorterRetentionDiffersAndIsUpdatedInPlace() {
    SubscriptionSettings desired =
        SubscriptionSettings.deadLetterSinkOf(Fixtures.CONTACTS_EMAILS, Duration.ofDays(31));
    SubscriptionSettings actual =
        new SubscriptionSettings(
            desired.name(),
            desired.topic(),
            desired.ackDeadline(),
            desired.retry(),
            desired.deadLetter(),
            desired.expiration(),
            Optional.of(Duration.ofDays(7)));

    List<Difference> differences = Planner.compare(desired, actual);

    assertThat(differences)
        .extracting(Difference::kind, Difference::detail)
        .containsExactly(tuple(Kind.RETENTION, "message retention 7 days, expected 31 days"));
    assertThat(Kind.RETENTION.field()).contains(PubSubResources.Field.MESSAGE_RETENTION);
  }

  @Test
  void theRetentionOfAnEventSubscriptionIsNotTheCatalogsConcern() {
    SubscriptionSettings desired = Fixtures.contactsEmails();
    SubscriptionSettings actual =
        new SubscriptionSettings(
            desired.name(),
            desired.topic(),
            desired.ackDeadline(),
            desired.retry(),
            desired.deadLetter(),
            desired.expiration(),
            Optional.of(Duration.ofHours(1)));

    assertThat(Planner.compare(desired, actual)).isEmpty();
  }

  @Test
  void aSubscriptionOnTheWrongTopicCannotBeFixed() {
    applyAll();
    SubscriptionSettings contactsEmails = Fixtures.contactsEmails();
    pubsub.put(
        new SubscriptionSettings(
            contactsEmails.name(),
            "_deleted-topic_",
            contactsEmails.ackDeadline(),
            contactsEmails.retry(),
            contactsEmails.deadLetter(),
            contactsEmails.expiration()));

    Plan plan = plan();

    assertThat(plan.differences())
        .extracting(Difference::detail)
        .containsExactly("topic _deleted-topic_, expected emails");
    assertThat(plan.count(Action.UNFIXABLE)).isEqualTo(1);
  }

  @Test
  void aPrefixedPlanLooksOnlyAtPrefixedResources() {
    applyAll();

    Plan prefixed = new Planner(pubsub).plan(Fixtures.smallCatalog("other-"));

    assertThat(prefixed.steps()).allMatch(step -> step.action() == Action.CREATE);
    assertThat(prefixed.steps()).allMatch(step -> step.name().startsWith("other-"));
  }

  static SubscriptionSettings withAckDeadline(SubscriptionSettings s, Duration ackDeadline) {
    return new SubscriptionSettings(
        s.name(), s.topic(), ackDeadline, s.retry(), s.deadLetter(), s.expiration());
  }

  static SubscriptionSettings withDeadLetter(
      SubscriptionSettings s, Optional<DeadLetter> deadLetter) {
    return new SubscriptionSettings(
        s.name(), s.topic(), s.ackDeadline(), s.retry(), deadLetter, s.expiration());
  }
}
