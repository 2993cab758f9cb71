package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.Subscription;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * setup-pubsub against the real emulator. Each test works under its own name prefix, because the
 * emulator keeps topics and subscriptions between tests and runs.
 */
@IntegrationTest
class SetupPubSubIT {

  private final String prefix = Infrastructure.uniqueName("sp") + "-";
  private final String project = Infrastructure.pubsubProjectId();
  private final DesiredState desired =
      DesiredState.fromCatalog(prefix, SubscriptionSettings.EMULATOR_MAX_RETENTION);
  private EmulatorAdmin admin;

  /** What one CLI run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void connect() {
    admin = new EmulatorAdmin(Infrastructure.pubsubEmulatorHost(), project);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    admin.close();
  }

  private Run run(String... extra) {
    return runAgainst(Infrastructure.pubsubEmulatorHost(), extra);
  }

  private Run runAgainst(String emulator, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--emulator", emulator, "--project", project, "--prefix", prefix));
    args.addAll(List.of(extra));
    Fixtures.Captured out = Fixtures.capture();
    Fixtures.Captured err = Fixtures.capture();
    int exit = Main.run(args.toArray(String[]::new), Map.of(), out.stream(), err.stream());
    return new Run(exit, out.text(), err.text());
  }

  private int resourceCount() {
    return desired.topics().size() + desired.subscriptions().size();
  }

  @Test
  void aSecondApplyCreatesNothingAndEverythingHasTheCatalogSettings() {
    Run first = run();
    Run second = run();

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains(resourceCount() + " created, 0 unchanged");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out())
        .doesNotContain("created topic", "created subscription")
        .endsWith("0 created, " + resourceCount() + " unchanged, 0 updated, 0 failed\n");
    assertCatalogExists();
  }

  private void assertCatalogExists() {
    assertThat(desired.topics()).allMatch(admin::topicExists);
    for (SubscriptionSettings expected : desired.subscriptions()) {
      Subscription actual = admin.subscription(expected.name()).orElseThrow();
      assertThat(actual.getTopic()).isEqualTo(admin.topicPath(expected.topic()));
      assertThat(actual.getAckDeadlineSeconds()).isEqualTo(expected.ackDeadline().toSeconds());
      assertThat(actual.hasDeadLetterPolicy()).isEqualTo(expected.deadLetter().isPresent());
      expected
          .deadLetter()
          .ifPresent(
              policy -> {
                assertThat(actual.getDeadLetterPolicy().getDeadLetterTopic())
                    .isEqualTo(admin.topicPath(policy.topic()));
                assertThat(actual.getDeadLetterPolicy().getMaxDeliveryAttempts()).isEqualTo(5);
              });
    }
  }

  @Test
  void verifyAfterApplyExitsWithZero() {
    run();

    Run verify = run("--verify");

    assertThat(verify.exitCode()).isZero();
    assertThat(verify.out()).startsWith("no differences: ");
  }

  @Test
  void theMirrorsSubscriptionsComeOnlyWithLegacyMirrorAndVerifyThenSeesThem() {
    Run legacy = run("--legacy");
    assertThat(admin.subscription(prefix + "legacy-mirror-emails")).isEmpty();

    Run mirror = run("--legacy-mirror");
    Run verify = run("--legacy-mirror", "--verify");

    assertThat(legacy.exitCode()).isZero();
    assertThat(mirror.exitCode()).isZero();
    assertThat(mirror.out())
        .contains("created subscription " + prefix + "legacy-mirror-emails")
        .doesNotContain("created topic " + prefix + "email-updates");
    assertThat(admin.subscription(prefix + "legacy-mirror-contacts").orElseThrow().getTopic())
        .isEqualTo(admin.topicPath(prefix + "contacts"));
    assertThat(admin.subscription(prefix + "legacy-mirror-calendars-dead-letter")).isPresent();
    assertThat(verify.exitCode()).isZero();
  }

  @Test
  void verifyNamesASubscriptionWhoseAckDeadlineWasChangedByHand() {
    run();
    String name = prefix + "contacts-emails";
    admin.update(
        admin.subscription(name).orElseThrow().toBuilder().setAckDeadlineSeconds(45).build(),
        "ack_deadline_seconds");

    Run verify = run("--verify");

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out())
        .contains("differs subscription " + name + ": ack deadline 45s, expected 30s");
  }

  @Test
  void applyPutsBackAChangedAckDeadlineAndDeadLetterPolicy() {
    run();
    String name = prefix + "vespa-loader-emails";
    Subscription original = admin.subscription(name).orElseThrow();
    admin.update(original.toBuilder().setAckDeadlineSeconds(45).build(), "ack_deadline_seconds");
    admin.update(
        original.toBuilder()
            .setDeadLetterPolicy(
                DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic(admin.topicPath(prefix + "contacts-emails-dead-letter"))
                    .setMaxDeliveryAttempts(10))
            .build(),
        "dead_letter_policy");

    Run apply = run();

    assertThat(apply.exitCode()).isZero();
    assertThat(apply.out())
        .contains("updated subscription " + name + " (ack deadline, dead letter policy)");
    assertThat(run("--verify").exitCode()).isZero();
  }

  @Test
  void deadLetterSubscriptionsKeepMessagesAsLongAsTheEmulatorAllows() {
    run();

    for (SubscriptionSettings sink : desired.deadLetterSinks()) {
      assertThat(admin.subscription(sink.name()).orElseThrow().getMessageRetentionDuration())
          .isEqualTo(com.google.protobuf.Duration.newBuilder().setSeconds(7 * 24 * 3600).build());
    }
  }

  @Test
  void verifyNamesAShortenedRetentionAndApplyPutsItBack() {
    run();
    String name = prefix + "contacts-emails-dead-letter";
    admin.update(
        admin.subscription(name).orElseThrow().toBuilder()
            .setMessageRetentionDuration(
                com.google.protobuf.Duration.newBuilder().setSeconds(24 * 3600))
            .build(),
        "message_retention_duration");

    Run verify = run("--verify");
    Run apply = run();

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out())
        .contains("differs subscription " + name + ": message retention 1 day, expected 7 days");
    assertThat(apply.out()).contains("updated subscription " + name + " (message retention)");
    assertThat(run("--verify").exitCode()).isZero();
  }

  @Test
  void dryRunOnAFreshPrefixCreatesNothing() {
    Run dryRun = run("--dry-run");

    assertThat(dryRun.exitCode()).isZero();
    assertThat(dryRun.out()).contains("would create topic " + prefix + "emails");
    assertThat(desired.topics()).noneMatch(admin::topicExists);
    assertThat(desired.subscriptions()).allMatch(s -> admin.subscription(s.name()).isEmpty());
  }

  @Test
  void anUnreachableEmulatorFailsWithOneLine() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Run run = runAgainst("127.0.0.1:" + closedPort);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .isEqualTo(
            "cannot reach the Pub/Sub emulator at 127.0.0.1:"
                + closedPort
                + ": connection refused — start it with ./dev infra\n");
    assertThat(run.out()).isEmpty();
  }
}
