package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.deadletter.DeadLetter;
import dev.officeflow.events.deadletter.DeadLetterFilter;
import dev.officeflow.events.deadletter.DeadLetterScan;
import dev.officeflow.events.deadletter.DeadLetterScan.Decision;
import dev.officeflow.events.deadletter.DeadLetterUsers;
import dev.officeflow.setuppubsub.DeadLettersCli.Connection;
import dev.officeflow.setuppubsub.DeadLettersCli.Context;
import dev.officeflow.setuppubsub.DeadLettersCli.ScanOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The subcommands of {@link DeadLettersCli} that only look: {@code list} and {@code show}. */
final class DeadLetterReading {

  private DeadLetterReading() {}

  /** {@code list [SUB...]}: every dead-letter subscription, its message count and its reasons. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Counts the messages of each dead-letter subscription (all of the catalog's by default)"
              + " by the code of their error_reason. Messages are pulled and released, never"
              + " acked; a reader at the same time sees fewer.")
  static final class ListCommand implements Callable<Integer> {
    private final Context context;
    @Mixin Connection connection = new Connection();
    @Mixin ScanOptions limits = new ScanOptions();

    @Parameters(
        paramLabel = "SUBSCRIPTION",
        arity = "0..*",
        description = "dead-letter subscriptions")
    List<String> names = new ArrayList<>();

    ListCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      String prefix = connection.in(context.env()).prefix();
      List<SubscriptionSpec> sources = DeadLettersCli.sources(names);
      boolean complete = true;
      int total = 0;
      try (GrpcDeadLetters pubSub = GrpcDeadLetters.open(connection)) {
        DeadLetterScan scan = limits.scan(pubSub);
        for (SubscriptionSpec source : sources) {
          Map<String, Integer> reasons = new TreeMap<>();
          DeadLetterScan.Result result =
              scan.scan(
                  prefix + source.deadLetterSubscription(),
                  message -> {
                    reasons.merge(message.reasonPrefix(), 1, Integer::sum);
                    return Decision.KEEP;
                  });
          context.out().println(line(prefix + source.deadLetterSubscription(), result, reasons));
          complete &= result.complete();
          total += result.seen();
        }
      }
      context.out().println(total + " dead letters in " + sources.size() + " subscriptions");
      return DeadLettersCli.exit(complete);
    }

    static String line(String subscription, DeadLetterScan.Result result, Map<String, Integer> by) {
      String count = (result.complete() ? "" : ">=") + result.seen();
      String reasons =
          by.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(" "));
      return String.format("%-45s %8s  %s", subscription, count, reasons).stripTrailing()
          + result.incomplete().map(why -> "  (incomplete: " + why + ")").orElse("");
    }
  }

  /** {@code show SUB}: samples with their attributes, reason and the start of their data. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Prints messages of one dead-letter subscription; acks nothing.")
  static final class ShowCommand implements Callable<Integer> {
    private final Context context;
    @Mixin Connection connection = new Connection();
    @Mixin ScanOptions limits = new ScanOptions();

    @Parameters(index = "0", paramLabel = "SUBSCRIPTION")
    String name = "";

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "at most N")
    int limit;

    @Option(names = "--reason", paramLabel = "R", description = "only reasons R (code or start)")
    @Nullable String reason;

    @Option(names = "--message-id", paramLabel = "ID", description = "only these messages")
    List<String> messageIds = new ArrayList<>();

    @Option(
        names = "--data-chars",
        paramLabel = "N",
        defaultValue = "300",
        description = "print the first N characters of the data (default: ${DEFAULT-VALUE})")
    int dataChars;

    ShowCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (limit < 1 || dataChars < 0) {
        throw SetupException.usage("--limit must be positive, --data-chars not negative");
      }
      String subscription =
          connection.in(context.env()).prefix()
              + DeadLettersCli.source(name).deadLetterSubscription();
      DeadLetterFilter filter = DeadLettersCli.filter(reason, messageIds);
      // Counted, not kept: a dead letter's data may be 10 MB.
      AtomicInteger shown = new AtomicInteger();
      DeadLetterScan.Result result;
      try (GrpcDeadLetters pubSub = GrpcDeadLetters.open(connection)) {
        result =
            limits
                .scan(pubSub)
                .scan(
                    subscription,
                    message -> {
                      if (!filter.test(message)) {
                        return Decision.KEEP;
                      }
                      if (shown.get() >= limit) {
                        return Decision.STOP;
                      }
                      shown.incrementAndGet();
                      context.out().print(describe(message, dataChars));
                      return Decision.KEEP;
                    });
      }
      context.out().println(shown.get() + " shown of " + result.seen() + " messages read");
      return DeadLettersCli.exit(result.complete());
    }

    static String describe(DeadLetter message, int dataChars) {
      String attributes =
          new TreeMap<>(message.attributes())
              .entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(", "));
      return "message "
          + message.messageId()
          + " (dead-lettered "
          + message.publishTime()
          + ")\n  reason: "
          + (message.reason().isEmpty() ? message.reasonPrefix() : message.reason())
          + "\n  users: "
          + String.join(", ", DeadLetterUsers.of(message))
          + "\n  attributes: "
          + attributes
          + "\n  data ("
          + message.data().length
          + " bytes): "
          + start(message.data(), dataChars)
          + "\n";
    }

    /** The first {@code chars} characters as text, control characters as {@code ?}. */
    static String start(byte[] data, int chars) {
      int bytes = Math.min(data.length, Math.max(0, chars) * 4);
      String text = new String(data, 0, bytes, StandardCharsets.UTF_8);
      String shown = text.length() > chars ? text.substring(0, chars) : text;
      String clean = shown.replaceAll("\\p{Cntrl}", "?");
      return clean.length() < text.length() || bytes < data.length ? clean + "…" : clean;
    }
  }
}
