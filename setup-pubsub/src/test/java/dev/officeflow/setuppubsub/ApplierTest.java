package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplierTest {

  private final InMemoryPubSub pubsub = new InMemoryPubSub();
  private final DesiredState desired = Fixtures.smallCatalog("");

  private Applier.Summary apply(Fixtures.Captured out) {
    return new Applier(pubsub, out.stream()).apply(new Planner(pubsub).plan(desired));
  }

  @Test
  void createsTopicsBeforeSubscriptionsAndPrintsOneLinePerResource() {
    Fixtures.Captured out = Fixtures.capture();

    Applier.Summary summary = apply(out);

    assertThat(summary).isEqualTo(new Applier.Summary(7, 0, 0, 0));
    assertThat(pubsub.changes().subList(0, 3))
        .allMatch(change -> change.startsWith("create topic"));
    assertThat(out.text())
        .contains("created topic emails\n")
        .contains(
            "created subscription contacts-emails (ack 30s, retry 1s..60s, dead-letter"
                + " contacts-emails-dead-letter after 5)\n")
        .contains(
            "created subscription contacts-emails-dead-letter (ack 60s, retention 31 days)\n");
  }

  @Test
  void aSecondRunCreatesNothing() {
    apply(Fixtures.capture());
    int changesAfterFirstRun = pubsub.changes().size();
    Fixtures.Captured out = Fixtures.capture();

    Applier.Summary summary = apply(out);

    assertThat(summary.toString()).isEqualTo("0 created, 7 unchanged, 0 updated, 0 failed");
    assertThat(pubsub.changes()).hasSize(changesAfterFirstRun);
    assertThat(out.text())
        .contains("exists  topic emails\n", "exists  subscription contacts-emails\n");
  }

  @Test
  void updatesADifferentAckDeadlineInPlace() {
    apply(Fixtures.capture());
    pubsub.put(PlannerTest.withAckDeadline(Fixtures.contactsEmails(), Duration.ofSeconds(45)));
    Fixtures.Captured out = Fixtures.capture();

    Applier.Summary summary = apply(out);

    assertThat(summary.updated()).isEqualTo(1);
    assertThat(pubsub.subscription("contacts-emails")).contains(Fixtures.contactsEmails());
    assertThat(out.text())
        .contains("differs subscription contacts-emails: ack deadline 45s, expected 30s\n")
        .contains("updated subscription contacts-emails (ack deadline)\n");
  }

  @Test
  void restoresADeletedDeadLetterPolicy() {
    apply(Fixtures.capture());
    pubsub.put(PlannerTest.withDeadLetter(Fixtures.contactsEmails(), Optional.empty()));

    apply(Fixtures.capture());

    assertThat(pubsub.subscription("contacts-emails")).contains(Fixtures.contactsEmails());
  }

  @Test
  void reportsASubscriptionOnTheWrongTopicAsFailedAndLeavesItAlone() {
    apply(Fixtures.capture());
    SubscriptionSettings wrong =
        new SubscriptionSettings(
            "contacts-emails",
            "contacts-emails-dead-letter",
            Duration.ofSeconds(30),
            Fixtures.contactsEmails().retry(),
            Fixtures.contactsEmails().deadLetter(),
            Optional.empty());
    pubsub.put(wrong);
    Fixtures.Captured out = Fixtures.capture();

    Applier.Summary summary = apply(out);

    assertThat(summary.failed()).isEqualTo(1);
    assertThat(pubsub.subscription("contacts-emails")).contains(wrong);
    assertThat(out.text())
        .contains("error   subscription contacts-emails: Pub/Sub cannot move a subscription");
  }
}
