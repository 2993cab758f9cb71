package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The parsed command line.
 *
 * @param emulator the emulator to talk to; empty means the real Pub/Sub with Application Default
 *     Credentials
 * @param project the GCP project id (on the emulator: any name)
 * @param mode what to do
 * @param prefix prepended to every topic and subscription name; empty for the catalog's own names
 * @param legacy whether the catalog's legacy group (the reference services' deprecated topics and
 *     the bridge's subscriptions) is applied too
 * @param legacyMirror whether the mirror's subscriptions on the typed topics are applied too (and
 *     then the legacy group, whose topics the mirror publishes on)
 */
record Options(
    Optional<HostPort> emulator,
    String project,
    Mode mode,
    String prefix,
    boolean legacy,
    boolean legacyMirror) {

  static final String DEFAULT_PROJECT = "officeflow-local";
  static final String EMULATOR_HOST_VARIABLE = "PUBSUB_EMULATOR_HOST";
  static final String PROJECT_VARIABLE = "PUBSUB_PROJECT_ID";

  // Pub/Sub ids start with a letter and use these characters; the catalog's names follow the
  // prefix, so the prefix alone only has to keep the start valid.
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9._~+%-]*");
  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9.:-]{2,61}");

  /** What the run does. */
  enum Mode {
    APPLY,
    DRY_RUN,
    VERIFY,
    /** Print the catalog as Terraform ({@code --emit terraform}); talk to no Pub/Sub. */
    TERRAFORM,
    HELP
  }

  /** Parses {@code args}, with defaults from this process's environment. */
  static Options parse(String[] args) {
    return parse(args, System.getenv());
  }

  /**
   * Parses {@code args}; {@code env} supplies the defaults of {@code --emulator} and {@code
   * --project}.
   *
   * @throws SetupException with {@link ExitStatus#USAGE} when the arguments are invalid
   */
  static Options parse(String[] args, Map<String, String> env) {
    Arguments arguments = new Arguments();
    CommandLine line = commandLine(arguments);
    try {
      line.parseArgs(args);
    } catch (ParameterException e) {
      throw SetupException.usage(e.getMessage());
    }
    if (line.isUsageHelpRequested()) {
      return new Options(Optional.empty(), DEFAULT_PROJECT, Mode.HELP, "", false, false);
    }
    Optional<HostPort> emulator =
        Optional.ofNullable(arguments.emulator)
            .or(() -> nonBlank(env.get(EMULATOR_HOST_VARIABLE)))
            .map(
                text ->
                    HostPort.parse(
                        text, arguments.emulator != null ? "--emulator" : EMULATOR_HOST_VARIABLE));
    String project =
        arguments.project != null
            ? validProject(arguments.project)
            : nonBlank(env.get(PROJECT_VARIABLE)).orElse(DEFAULT_PROJECT);
    String prefix = arguments.prefix == null ? "" : validPrefix(arguments.prefix);
    return new Options(
        emulator,
        project,
        arguments.mode(),
        prefix,
        arguments.legacy || arguments.legacyMirror,
        arguments.legacyMirror);
  }

  /** The catalog groups this run applies, verifies or writes, the core first. */
  List<Catalog.Group> groups() {
    if (legacyMirror) {
      return List.of(Catalog.Group.CORE, Catalog.Group.LEGACY, Catalog.Group.LEGACY_MIRROR);
    }
    return legacy ? List.of(Catalog.Group.CORE, Catalog.Group.LEGACY) : List.of(Catalog.Group.CORE);
  }

  /** The usage text, as picocli renders it from the command's annotations. */
  static String usage() {
    StringWriter text = new StringWriter();
    commandLine(new Arguments()).usage(new PrintWriter(text));
    return text.toString().stripTrailing();
  }

  private static CommandLine commandLine(Arguments arguments) {
    return new CommandLine(arguments).setCaseInsensitiveEnumValuesAllowed(false);
  }

  static String validProject(String project) {
    if (!PROJECT.matcher(project).matches()) {
      throw SetupException.usage("--project '" + project + "' is not a project id");
    }
    return project;
  }

  static String validPrefix(String prefix) {
    if (!PREFIX.matcher(prefix).matches() || prefix.startsWith("goog")) {
      throw SetupException.usage(
          "--prefix '"
              + prefix
              + "' must start with a letter, use only letters, digits and - _ . ~ + %,"
              + " and not start with goog");
    }
    return prefix;
  }

  static Optional<String> nonBlank(@Nullable String value) {
    return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
  }

  /** The command's options as picocli fills them in. */
  @Command(
      name = "java -jar setup-pubsub.jar",
      mixinStandardHelpOptions = false,
      sortOptions = false,
      description = {
        "Applies officeflow's topic and subscription catalog to the Pub/Sub emulator or a GCP"
            + " project: creates what is missing, brings subscriptions in line, changes nothing"
            + " else. Idempotent."
      },
      footer = {
        "",
        "Dead letters: java -jar setup-pubsub.jar dead-letters --help (list, show, replay, purge,"
            + " purge-user)"
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:applied, planned, or verified without differences",
        "1:--verify found differences, or a subscription could not be brought in line",
        "2:bad arguments",
        "3:the emulator or Pub/Sub could not be reached in time",
        "4:the credentials are missing or lack a permission",
        "5:Pub/Sub rejected a call for another reason"
      })
  static final class Arguments {

    @Option(
        names = "--emulator",
        paramLabel = "HOST:PORT",
        description =
            "the Pub/Sub emulator (default: $PUBSUB_EMULATOR_HOST; unset: real Pub/Sub with"
                + " Application Default Credentials)")
    @Nullable String emulator;

    @Option(
        names = "--project",
        paramLabel = "ID",
        description = "the project (default: $PUBSUB_PROJECT_ID, else officeflow-local)")
    @Nullable String project;

    @ArgGroup(exclusive = true)
    @Nullable ModeFlags modeFlags;

    @Option(
        names = "--prefix",
        paramLabel = "P",
        description = "prefix every topic and subscription name with P (isolated test resources)")
    @Nullable String prefix;

    @Option(
        names = "--legacy",
        description =
            "also the legacy group: the reference services' deprecated topics (email-backfill,"
                + " email-updates, calendar-updates, contact-updates) with the legacy bridge's"
                + " subscriptions and their dead-letter topics, while they run side by side")
    boolean legacy;

    @Option(
        names = "--legacy-mirror",
        description =
            "also the mirror's subscriptions (legacy-mirror-emails, -calendars, -contacts, with"
                + " their dead-letter topics), read by the legacy bridge when its mirror is on;"
                + " implies --legacy. Only while reference consumers still read the legacy topics:"
                + " a subscription nobody reads keeps every message for its retention")
    boolean legacyMirror;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help")
    boolean help;

    Mode mode() {
      if (modeFlags == null) {
        return Mode.APPLY;
      }
      if (modeFlags.emit != null) {
        return Mode.TERRAFORM;
      }
      return modeFlags.dryRun ? Mode.DRY_RUN : Mode.VERIFY;
    }
  }

  /** What {@code --emit} writes. */
  enum Format {
    terraform
  }

  /** {@code --dry-run}, {@code --verify} and {@code --emit} exclude each other. */
  static final class ModeFlags {

    @Option(
        names = "--emit",
        paramLabel = "FORMAT",
        required = true,
        description =
            "print the catalog as FORMAT (terraform: topics, subscriptions, dead-letter IAM, the"
                + " Gmail push grant, a service account per service) and talk to no Pub/Sub")
    @Nullable Format emit;

    @Option(
        names = "--dry-run",
        required = true,
        description = "print what would be created or updated; change nothing")
    boolean dryRun;

    @Option(
        names = "--verify",
        required = true,
        description = "compare the catalog with what exists; exit 1 on any difference")
    boolean verify;
  }
}
