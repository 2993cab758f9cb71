package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code setup-pubsub dead-letters} does with its arguments before it talks to Pub/Sub. */
class DeadLettersCliTest {

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    Fixtures.Captured out = Fixtures.capture();
    Fixtures.Captured err = Fixtures.capture();
    int exit = Main.run(args, Map.of(), out.stream(), err.stream());
    return new Run(exit, out.text(), err.text());
  }

  @Test
  void withoutASubcommandItPrintsTheUsageAndExitsWithTwo() {
    Run run = run("dead-letters");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("list", "show", "replay", "purge", "purge-user");
  }

  @Test
  void aSubcommandsHelpNamesItsOptions() {
    Run run = run("dead-letters", "replay", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--reason", "--message-id", "--limit", "--dry-run", "--prefix");
  }

  @Test
  void aMissingSubscriptionIsABadArgument() {
    Run run = run("dead-letters", "show");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter");
  }

  @Test
  void aSubscriptionOutsideTheCatalogIsNamedWithTheOnesThatExist() {
    Run run = run("dead-letters", "replay", "emails-dead-letter", "--emulator", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("no dead-letter subscription emails-dead-letter in the catalog")
        .contains("contacts-emails-dead-letter");
  }

  @Test
  void theSourceSubscriptionNamesItsDeadLetters() {
    assertThat(DeadLettersCli.source("contacts-emails").deadLetterSubscription())
        .isEqualTo("contacts-emails-dead-letter");
    assertThat(DeadLettersCli.source("contacts-emails-dead-letter").name())
        .isEqualTo("contacts-emails");
  }

  @Test
  void theMainUsageMentionsTheDeadLetterCommands() {
    assertThat(Options.usage()).contains("dead-letters --help");
  }
}
