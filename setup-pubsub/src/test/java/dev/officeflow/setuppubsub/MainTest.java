package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.setuppubsub.Options.Mode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The modes end to end against the in-memory Pub/Sub, with the real catalog. */
class MainTest {

  private static final Options EMULATOR =
      new Options(
          Optional.of(new HostPort("127.0.0.1", 8085)),
          "officeflow-local",
          Mode.APPLY,
          "",
          false,
          false);

  private final InMemoryPubSub pubsub = new InMemoryPubSub();

  private ExitStatus run(Mode mode, Fixtures.Captured out) {
    return run(new Options(EMULATOR.emulator(), EMULATOR.project(), mode, "", false, false), out);
  }

  private ExitStatus run(Options options, Fixtures.Captured out) {
    return Main.run(options, pubsub, out.stream());
  }

  @Test
  void verifyAfterApplyFindsNoDifferences() {
    run(Mode.APPLY, Fixtures.capture());
    Fixtures.Captured out = Fixtures.capture();

    assertThat(run(Mode.VERIFY, out)).isEqualTo(ExitStatus.OK);
    assertThat(out.text())
        .isEqualTo(
            "no differences: "
                + Catalog.allTopics().size()
                + " topics and "
                + 2 * Catalog.subscriptions().size()
                + " subscriptions match the catalog\n");
  }

  @Test
  void verifyNamesEachDifferenceAndExitsWithOne() {
    run(Mode.APPLY, Fixtures.capture());
    SubscriptionSettings officeUsers =
        SubscriptionSettings.of(Catalog.subscription("office", "users"));
    pubsub.put(PlannerTest.withAckDeadline(officeUsers, Duration.ofSeconds(20)));
    Fixtures.Captured out = Fixtures.capture();

    assertThat(run(Mode.VERIFY, out)).isEqualTo(ExitStatus.DIFFERENCES);
    assertThat(out.text())
        .contains("differs subscription office-users: ack deadline 20s, expected 60s\n")
        .contains("1 difference from the catalog");
  }

  @Test
  void dryRunPrintsThePlanAndChangesNothing() {
    Fixtures.Captured out = Fixtures.capture();

    assertThat(run(Mode.DRY_RUN, out)).isEqualTo(ExitStatus.OK);
    assertThat(pubsub.changes()).isEmpty();
    assertThat(out.text())
        .contains("would create topic emails\n")
        .contains("would create subscription contacts-emails (ack 30s,")
        .contains("dry run, nothing changed: would create ");
  }

  @Test
  void applyEndsWithASummary() {
    Fixtures.Captured out = Fixtures.capture();

    assertThat(run(Mode.APPLY, out)).isEqualTo(ExitStatus.OK);
    int resources = Catalog.allTopics().size() + 2 * Catalog.subscriptions().size();
    assertThat(out.text()).endsWith(resources + " created, 0 unchanged, 0 updated, 0 failed\n");
  }

  @Test
  void onARealProjectApplyPrintsTheIamBindingsDeadLetteringNeeds() {
    Fixtures.Captured out = Fixtures.capture();

    run(new Options(Optional.empty(), "acme-prod", Mode.APPLY, "", false, false), out);

    assertThat(out.text())
        .contains(
            "PROJECT_NUMBER=$(gcloud projects describe acme-prod"
                + " --format='value(projectNumber)')")
        .contains(
            "gcloud pubsub topics add-iam-policy-binding contacts-emails-dead-letter"
                + " --project=acme-prod"
                + " --member=\"serviceAccount:service-${PROJECT_NUMBER}"
                + "@gcp-sa-pubsub.iam.gserviceaccount.com\" --role=roles/pubsub.publisher")
        .contains(
            "gcloud pubsub subscriptions add-iam-policy-binding contacts-emails"
                + " --project=acme-prod"
                + " --member=\"serviceAccount:service-${PROJECT_NUMBER}"
                + "@gcp-sa-pubsub.iam.gserviceaccount.com\" --role=roles/pubsub.subscriber");
  }

  @Test
  void onTheEmulatorNoIamBindingsArePrinted() {
    Fixtures.Captured out = Fixtures.capture();

    run(Mode.APPLY, out);

    assertThat(out.text()).doesNotContain("add-iam-policy-binding");
  }

  @Test
  void helpPrintsTheUsageAndExitsWithZero() {
    Fixtures.Captured out = Fixtures.capture();
    Fixtures.Captured err = Fixtures.capture();

    int exit = Main.run(new String[] {"--help"}, Map.of(), out.stream(), err.stream());

    assertThat(exit).isZero();
    assertThat(out.text())
        .startsWith("Usage: java -jar setup-pubsub.jar")
        .contains("--dry-run", "--verify", "Exit codes:");
  }
}
