package dev.officeflow.setuppubsub;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parsed command line.
 *
 * @param emulator the emulator to talk to; empty means the real Pub/Sub with Application Default
 *     Credentials
 * @param project the GCP project id (on the emulator: any name)
 * @param mode what to do
 * @param prefix prepended to every topic and subscription name; empty for the catalog's own names
 */
record Options(Optional<HostPort> emulator, String project, Mode mode, String prefix) {

  static final String DEFAULT_PROJECT = "officeflow-local";
  static final String EMULATOR_HOST_VARIABLE = "PUBSUB_EMULATOR_HOST";
  static final String PROJECT_VARIABLE = "PUBSUB_PROJECT_ID";

  static final String USAGE =
      """
      usage: java -jar setup-pubsub.jar [--emulator HOST:PORT] [--project ID] [--dry-run] [--verify] [--prefix P]
        --emulator HOST:PORT  the Pub/Sub emulator (default: $PUBSUB_EMULATOR_HOST; unset: real Pub/Sub
                              with Application Default Credentials)
        --project ID          the project (default: $PUBSUB_PROJECT_ID, else officeflow-local)
        --dry-run             print what would be created or updated; change nothing
        --verify              compare the catalog with what exists; exit 1 on any difference
        --prefix P            prefix every topic and subscription name with P (isolated test resources)
        --help                print this help\
      """;

  // Pub/Sub ids start with a letter and use these characters; the catalog's names follow the
  // prefix, so the prefix alone only has to keep the start valid.
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9._~+%-]*");
  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9.:-]{2,61}");

  /** What the run does. */
  enum Mode {
    APPLY,
    DRY_RUN,
    VERIFY,
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
    Parser parser = new Parser(args);
    Optional<HostPort> emulator =
        nonBlank(env.get(EMULATOR_HOST_VARIABLE))
            .map(text -> HostPort.parse(text, EMULATOR_HOST_VARIABLE));
    String project = nonBlank(env.get(PROJECT_VARIABLE)).orElse(DEFAULT_PROJECT);
    boolean dryRun = false;
    boolean verify = false;
    String prefix = "";
    while (parser.hasNext()) {
      String option = parser.next();
      switch (option) {
        case "--emulator" -> emulator = Optional.of(HostPort.parse(parser.value(), option));
        case "--project" -> project = validProject(parser.value());
        case "--prefix" -> prefix = validPrefix(parser.value());
        case "--dry-run" -> dryRun = parser.flag();
        case "--verify" -> verify = parser.flag();
        case "--help", "-h" -> {
          return new Options(emulator, project, Mode.HELP, prefix);
        }
        default -> throw SetupException.usage("unknown argument '" + option + "'");
      }
    }
    return new Options(emulator, project, mode(dryRun, verify), prefix);
  }

  private static Mode mode(boolean dryRun, boolean verify) {
    if (dryRun && verify) {
      throw SetupException.usage("--dry-run and --verify cannot be combined");
    }
    return dryRun ? Mode.DRY_RUN : verify ? Mode.VERIFY : Mode.APPLY;
  }

  private static String validProject(String project) {
    if (!PROJECT.matcher(project).matches()) {
      throw SetupException.usage("--project '" + project + "' is not a project id");
    }
    return project;
  }

  private static String validPrefix(String prefix) {
    if (!PREFIX.matcher(prefix).matches() || prefix.startsWith("goog")) {
      throw SetupException.usage(
          "--prefix '"
              + prefix
              + "' must start with a letter, use only letters, digits and - _ . ~ + %,"
              + " and not start with goog");
    }
    return prefix;
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
  }

  /** Walks the arguments; accepts both {@code --name value} and {@code --name=value}. */
  private static final class Parser {
    private final String[] args;
    private int index;
    private String option = "";
    private Optional<String> inlineValue = Optional.empty();

    Parser(String[] args) {
      this.args = args.clone();
    }

    boolean hasNext() {
      return index < args.length;
    }

    String next() {
      String arg = args[index++];
      int equals = arg.indexOf('=');
      boolean inline = arg.startsWith("--") && equals > 0;
      option = inline ? arg.substring(0, equals) : arg;
      inlineValue = inline ? Optional.of(arg.substring(equals + 1)) : Optional.empty();
      return option;
    }

    String value() {
      if (inlineValue.isPresent()) {
        return inlineValue.get();
      }
      if (!hasNext() || args[index].startsWith("--")) {
        throw SetupException.usage(option + " needs a value");
      }
      return args[index++];
    }

    boolean flag() {
      if (inlineValue.isPresent()) {
        throw SetupException.usage(option + " takes no value");
      }
      return true;
    }
  }
}
