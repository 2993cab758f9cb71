package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.deadletter.DeadLetterFilter;
import dev.officeflow.events.deadletter.DeadLetterScan;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code setup-pubsub dead-letters list|show|replay|purge|purge-user}: looks at, replays and
 * removes what the catalog's dead-letter subscriptions hold, on the emulator or a project (README
 * "Dead letters"). Subscriptions are named as in the catalog, {@code contacts-emails-dead-letter}
 * or the subscription it serves, {@code contacts-emails}; {@code --prefix} is put in front.
 */
final class DeadLettersCli {

  static final String NAME = "dead-letters";

  private DeadLettersCli() {}

  /** What every subcommand shares: the process's environment, its output and a clock. */
  record Context(Map<String, String> env, PrintStream out, Clock clock) {}

  /** Runs {@code dead-letters args...} and returns the exit code. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Context context = new Context(env, out, Clock.systemUTC());
    CommandLine line =
        new CommandLine(new Root())
            .addSubcommand(new DeadLetterReading.ListCommand(context))
            .addSubcommand(new DeadLetterReading.ShowCommand(context))
            .addSubcommand(new DeadLetterChanging.ReplayCommand(context))
            .addSubcommand(new DeadLetterChanging.PurgeCommand(context))
            .addSubcommand(new DeadLetterChanging.PurgeUserCommand(context));
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    line.setParameterExceptionHandler(
        (e, arguments) -> {
          err.println("setup-pubsub dead-letters: " + e.getMessage());
          e.getCommandLine().usage(err);
          return ExitStatus.USAGE.code();
        });
    line.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          if (e instanceof SetupException failure) {
            err.println(failure.getMessage());
            return failure.status().code();
          }
          throw e;
        });
    return line.execute(args);
  }

  /** Without a subcommand: the usage. */
  @Command(
      name = "java -jar setup-pubsub.jar dead-letters",
      mixinStandardHelpOptions = true,
      description = {
        "Lists, shows, replays and purges the messages the catalog's dead-letter subscriptions"
            + " hold. Each subcommand takes --emulator, --project and --prefix as setup-pubsub"
            + " does; see <subcommand> --help."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:done",
        "1:a scan stopped before the end (deadline, --max-messages, a too large response) or a"
            + " replay failed",
        "2:bad arguments",
        "3:the emulator or Pub/Sub could not be reached in time",
        "4:the credentials are missing or lack a permission",
        "5:Pub/Sub rejected a call for another reason"
      })
  static final class Root implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Override
    public Integer call() {
      CommandLine line = java.util.Objects.requireNonNull(spec).commandLine();
      line.usage(line.getErr());
      return ExitStatus.USAGE.code();
    }
  }

  /** Where the dead letters are: {@code --emulator}, {@code --project}, {@code --prefix}. */
  static final class Connection {
    @Option(
        names = "--emulator",
        paramLabel = "HOST:PORT",
        description = "the Pub/Sub emulator (default: $PUBSUB_EMULATOR_HOST; unset: real Pub/Sub)")
    @Nullable String emulator;

    @Option(
        names = "--project",
        paramLabel = "ID",
        description = "the project (default: $PUBSUB_PROJECT_ID, else officeflow-local)")
    @Nullable String project;

    @Option(
        names = "--prefix",
        paramLabel = "P",
        description = "the prefix the catalog was applied with")
    @Nullable String prefix;

    private @Nullable Map<String, String> env;

    Connection in(Map<String, String> environment) {
      this.env = environment;
      return this;
    }

    Optional<HostPort> emulator() {
      Map<String, String> variables = env == null ? Map.of() : env;
      return Optional.ofNullable(emulator)
          .or(() -> Options.nonBlank(variables.get(Options.EMULATOR_HOST_VARIABLE)))
          .map(
              text ->
                  HostPort.parse(
                      text, emulator != null ? "--emulator" : Options.EMULATOR_HOST_VARIABLE));
    }

    String project() {
      Map<String, String> variables = env == null ? Map.of() : env;
      return project != null
          ? Options.validProject(project)
          : Options.nonBlank(variables.get(Options.PROJECT_VARIABLE))
              .orElse(Options.DEFAULT_PROJECT);
    }

    String prefix() {
      return prefix == null ? "" : Options.validPrefix(prefix);
    }
  }

  /** How far a scan goes: {@code --max-messages}, {@code --timeout}. */
  static final class ScanOptions {
    @Option(
        names = "--max-messages",
        paramLabel = "N",
        defaultValue = "100000",
        description = "stop a scan after N messages (default: ${DEFAULT-VALUE})")
    int maxMessages;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "300",
        description = "stop a scan after this long (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    DeadLetterScan scan(GrpcDeadLetters pubSub) {
      if (maxMessages < 1 || timeoutSeconds < 1) {
        throw SetupException.usage("--max-messages and --timeout must be positive");
      }
      return new DeadLetterScan(
          pubSub,
          DeadLetterScan.Limits.DEFAULTS
              .withMaxMessages(maxMessages)
              .withDeadline(Duration.ofSeconds(timeoutSeconds)));
    }
  }

  /**
   * The catalog subscription whose dead letters {@code name} means: a dead-letter subscription
   * ({@code contacts-emails-dead-letter}) or the subscription it serves ({@code contacts-emails}).
   */
  static SubscriptionSpec source(String name) {
    return Catalog.deadLetterSource(name)
        .or(() -> Catalog.subscription(name))
        .orElseThrow(
            () ->
                SetupException.usage(
                    "no dead-letter subscription "
                        + name
                        + " in the catalog; there are "
                        + Catalog.subscriptions().stream()
                            .map(SubscriptionSpec::deadLetterSubscription)
                            .collect(Collectors.joining(", "))));
  }

  /** The dead-letter subscriptions {@code names} mean, or all of the catalog's when empty. */
  static List<SubscriptionSpec> sources(List<String> names) {
    return names.isEmpty()
        ? Catalog.subscriptions()
        : names.stream().map(DeadLettersCli::source).toList();
  }

  static DeadLetterFilter filter(@Nullable String reason, List<String> messageIds) {
    return new DeadLetterFilter(Optional.ofNullable(reason), Set.copyOf(messageIds));
  }

  /** 0, or 1 when a scan stopped early or a replay failed. */
  static int exit(boolean complete) {
    return complete ? ExitStatus.OK.code() : ExitStatus.DIFFERENCES.code();
  }
}
