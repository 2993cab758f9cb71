package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.Catalog;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code setup-pubsub} command line: applies, plans ({@code --dry-run}) or checks ({@code
 * --verify}) the catalog's topics and subscriptions; {@code dead-letters ...} is {@link
 * DeadLettersCli}. The only class that touches the process's streams and exit code.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs the CLI and returns its exit code instead of exiting the JVM; tests (here and in the
   * services, which apply the catalog under a prefix) call this instead of {@link #main}.
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals(DeadLettersCli.NAME)) {
      return DeadLettersCli.run(Arrays.copyOfRange(args, 1, args.length), env, out, err);
    }
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (SetupException e) {
      err.println("setup-pubsub: " + e.getMessage());
      err.println(Options.usage());
      return e.status().code();
    }
    if (options.mode() == Options.Mode.HELP) {
      out.println(Options.usage());
      return ExitStatus.OK.code();
    }
    if (options.mode() == Options.Mode.TERRAFORM) {
      out.print(
          TerraformWriter.write(
              DesiredState.fromCatalog(
                  options.prefix(), Catalog.DEAD_LETTER_RETENTION, options.groups()),
              options.project(),
              options.prefix(),
              options.groups()));
      return ExitStatus.OK.code();
    }
    try (PubSubResources resources = PubSubConnection.open(options)) {
      return run(options, resources, out).code();
    } catch (SetupException e) {
      err.println(e.getMessage());
      return e.status().code();
    }
  }

  /** Runs one mode against {@code resources}. */
  static ExitStatus run(Options options, PubSubResources resources, PrintStream out) {
    DesiredState desired =
        DesiredState.fromCatalog(
            options.prefix(),
            options.emulator().isPresent()
                ? SubscriptionSettings.EMULATOR_MAX_RETENTION
                : Catalog.DEAD_LETTER_RETENTION,
            options.groups());
    Plan plan = new Planner(resources).plan(desired);
    ExitStatus status =
        switch (options.mode()) {
          case VERIFY ->
              new PlanPrinter(out).printDifferences(plan) ? ExitStatus.DIFFERENCES : ExitStatus.OK;
          case DRY_RUN -> {
            new PlanPrinter(out).printDryRun(plan);
            yield ExitStatus.OK;
          }
          case APPLY -> apply(plan, resources, out);
          case HELP, TERRAFORM ->
              throw new IllegalStateException(options.mode() + " is handled before connecting");
        };
    if (options.emulator().isEmpty() && options.mode() != Options.Mode.VERIFY) {
      IamAdvice.commands(options.project(), desired).forEach(out::println);
    }
    return status;
  }

  private static ExitStatus apply(Plan plan, PubSubResources resources, PrintStream out) {
    Applier.Summary summary = new Applier(resources, out).apply(plan);
    out.println(summary);
    return summary.failed() == 0 ? ExitStatus.OK : ExitStatus.DIFFERENCES;
  }
}
