package dev.officeflow.setuppubsub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.setuppubsub.Options.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static Options parse(Map<String, String> env, String... args) {
    return Options.parse(args, env);
  }

  private static Options parse(String... args) {
    return parse(Map.of(), args);
  }

  @Test
  void withoutArgumentsAppliesToRealPubSubInTheLocalProject() {
    assertThat(parse())
        .isEqualTo(new Options(Optional.empty(), "officeflow-local", Mode.APPLY, "", false, false));
  }

  @Test
  void emulatorAndProjectDefaultToTheEnvironment() {
    Options options =
        parse(Map.of("PUBSUB_EMULATOR_HOST", "127.0.0.1:8085", "PUBSUB_PROJECT_ID", "demo-1"));

    assertThat(options.emulator()).contains(new HostPort("127.0.0.1", 8085));
    assertThat(options.project()).isEqualTo("demo-1");
  }

  @Test
  void argumentsOverrideTheEnvironment() {
    Options options =
        parse(
            Map.of("PUBSUB_EMULATOR_HOST", "127.0.0.1:8085"),
            "--emulator",
            "localhost:18285",
            "--project=other-project");

    assertThat(options.emulator()).contains(new HostPort("localhost", 18285));
    assertThat(options.project()).isEqualTo("other-project");
  }

  @Test
  void acceptsBracketedIpv6Emulators() {
    assertThat(parse("--emulator", "[::1]:8085").emulator()).contains(new HostPort("::1", 8085));
  }

  @Test
  void readsModesAndPrefix() {
    assertThat(parse("--dry-run").mode()).isEqualTo(Mode.DRY_RUN);
    assertThat(parse("--verify", "--prefix", "t1-").mode()).isEqualTo(Mode.VERIFY);
    assertThat(parse("--prefix", "t1-").prefix()).isEqualTo("t1-");
    assertThat(parse("--help").mode()).isEqualTo(Mode.HELP);
  }

  @Test
  void readsTheTerraformEmitter() {
    assertThat(parse("--emit", "terraform", "--project", "demo-1").mode())
        .isEqualTo(Mode.TERRAFORM);
    assertUsageError(() -> parse("--emit", "yaml"), "--emit");
    assertUsageError(() -> parse("--emit", "terraform", "--verify"), "mutually exclusive");
  }

  @Test
  void rejectsDryRunTogetherWithVerify() {
    assertUsageError(
        () -> parse("--dry-run", "--verify"), "--dry-run, --verify are mutually exclusive");
  }

  @Test
  void rejectsUnknownArguments() {
    assertUsageError(() -> parse("--force"), "Unknown option: '--force'");
  }

  @Test
  void rejectsAnOptionWithoutItsValue() {
    assertUsageError(() -> parse("--project"), "Missing required parameter for option '--project'");
    assertUsageError(() -> parse("--emulator", "--verify"), "'--emulator'");
  }

  @Test
  void rejectsAValueOnAFlag() {
    assertUsageError(() -> parse("--verify=yes"), "'--verify'");
  }

  @Test
  void rejectsEmulatorAddressesWithoutAPort() {
    assertUsageError(() -> parse("--emulator", "localhost"), "is not HOST:PORT");
    assertUsageError(() -> parse("--emulator", "localhost:http"), "is not HOST:PORT");
    assertUsageError(
        () -> parse(Map.of("PUBSUB_EMULATOR_HOST", "localhost:0")), "PUBSUB_EMULATOR_HOST");
  }

  @Test
  void rejectsPrefixesThatMakeInvalidResourceNames() {
    assertUsageError(() -> parse("--prefix", "1abc-"), "must start with a letter");
    assertUsageError(() -> parse("--prefix", "a/b"), "must start with a letter");
    assertUsageError(() -> parse("--prefix", "goog-"), "not start with goog");
  }

  @Test
  void rejectsProjectIdsWithPathCharacters() {
    assertUsageError(() -> parse("--project", "p/topics/x"), "is not a project id");
  }

  @Test
  void aUsageErrorMakesMainPrintTheUsageAndExitWithTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        Main.run(
            new String[] {"--bogus"},
            Map.of(),
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(UTF_8))
        .startsWith("setup-pubsub: Unknown option: '--bogus'")
        .contains("Usage: java -jar setup-pubsub.jar");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  private static void assertUsageError(Runnable parse, String message) {
    assertThatThrownBy(parse::run)
        .isInstanceOf(SetupException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((SetupException) e).status())
        .isEqualTo(ExitStatus.USAGE);
  }

  @Test
  void legacyIsOffUnlessAsked() {
    assertThat(parse().legacy()).isFalse();
    assertThat(parse("--legacy", "--verify").legacy()).isTrue();
  }

  @Test
  void theMirrorsSubscriptionsAreOffUnlessAskedAndBringTheLegacyTopicsTheyPublishOn() {
    assertThat(parse().groups()).containsExactly(Catalog.Group.CORE);
    assertThat(parse("--legacy").groups())
        .containsExactly(Catalog.Group.CORE, Catalog.Group.LEGACY);
    Options mirror = parse("--legacy-mirror", "--dry-run");
    assertThat(mirror.legacy()).isTrue();
    assertThat(mirror.groups())
        .containsExactly(Catalog.Group.CORE, Catalog.Group.LEGACY, Catalog.Group.LEGACY_MIRROR);
  }
}
