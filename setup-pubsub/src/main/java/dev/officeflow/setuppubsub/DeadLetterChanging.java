package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.deadletter.DeadLetterScan;
import dev.officeflow.events.deadletter.DeadLetterUsers;
import dev.officeflow.events.deadletter.Replay;
import dev.officeflow.setuppubsub.DeadLettersCli.Connection;
import dev.officeflow.setuppubsub.DeadLettersCli.Context;
import dev.officeflow.setuppubsub.DeadLettersCli.ScanOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The subcommands of {@link DeadLettersCli} that change what a dead-letter subscription holds:
 * {@code replay}, {@code purge} and {@code purge-user}.
 */
final class DeadLetterChanging {

  private DeadLetterChanging() {}

  /** {@code replay SUB}: republishes selected messages to their original topic. */
  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description =
          "Republishes the selected messages of one dead-letter subscription to the topic of the"
              + " subscription that gave up on them, with their original attributes and"
              + " officeflow_replay_count one higher, and acks each only after its publish"
              + " succeeded. Every subscription of that topic receives it again (consumers are"
              + " idempotent). The first failed publish ends the replay.")
  static final class ReplayCommand implements Callable<Integer> {
    private final Context context;
    @Mixin Connection connection = new Connection();
    @Mixin ScanOptions limits = new ScanOptions();

    @Parameters(index = "0", paramLabel = "SUBSCRIPTION")
    String name = "";

    @Option(names = "--reason", paramLabel = "R", description = "only reasons R (code or start)")
    @Nullable String reason;

    @Option(names = "--message-id", paramLabel = "ID", description = "only these messages")
    List<String> messageIds = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "at most N (default: all)")
    int limit = Integer.MAX_VALUE;

    @Option(names = "--dry-run", description = "print what would be replayed; change nothing")
    boolean dryRun;

    ReplayCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      String prefix = connection.in(context.env()).prefix();
      SubscriptionSpec source = DeadLettersCli.source(name);
      String subscription = prefix + source.deadLetterSubscription();
      String topic = prefix + source.topic();
      if (limit < 1) {
        throw SetupException.usage("--limit must be positive");
      }
      try (GrpcDeadLetters pubSub = GrpcDeadLetters.open(connection)) {
        Replay replay =
            new Replay(
                topic,
                DeadLettersCli.filter(reason, messageIds),
                limit,
                dryRun ? Optional.empty() : Optional.<Replay.Publisher>of(pubSub),
                replayed -> context.out().println(line(replayed, topic)));
        DeadLetterScan.Result result = limits.scan(pubSub).scan(subscription, replay);
        context
            .out()
            .println(
                (dryRun ? "dry run, nothing replayed: would replay " : "replayed ")
                    + (replay.count() - replay.failures())
                    + " of "
                    + subscription
                    + " to "
                    + topic
                    + (replay.failures() > 0 ? ", 1 failed and was kept" : ""));
        return DeadLettersCli.exit(result.complete() && replay.failures() == 0);
      }
    }

    private String line(Replay.Replayed replayed, String topic) {
      String what = replayed.messageId() + " (" + replayed.reason() + ")";
      if (replayed.failure().isPresent()) {
        return "failed  " + what + ": " + replayed.failure().get();
      }
      return replayed
              .republishedAs()
              .map(id -> "replayed " + what + " to " + topic + " as " + id)
              .orElse("would replay " + what + " to " + topic)
          + ", replay "
          + replayed.replayCount();
    }
  }

  /** {@code purge SUB...}: drops everything. */
  @Command(
      name = "purge",
      mixinStandardHelpOptions = true,
      description =
          "Acks every message of the named dead-letter subscriptions published until now (a"
              + " seek to the current time).")
  static final class PurgeCommand implements Callable<Integer> {
    private final Context context;
    @Mixin Connection connection = new Connection();

    @Parameters(paramLabel = "SUBSCRIPTION", arity = "1..*")
    List<String> names = new ArrayList<>();

    PurgeCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      String prefix = connection.in(context.env()).prefix();
      List<SubscriptionSpec> sources = DeadLettersCli.sources(names);
      try (GrpcDeadLetters pubSub = GrpcDeadLetters.open(connection)) {
        for (SubscriptionSpec source : sources) {
          String subscription = prefix + source.deadLetterSubscription();
          Instant now = context.clock().instant();
          pubSub.seek(subscription, now);
          context
              .out()
              .println("purged " + subscription + ": every message published before " + now);
        }
      }
      return ExitStatus.OK.code();
    }
  }

  /** {@code purge-user USER [SUB...]}: drops one user's messages, keeps everyone else's. */
  @Command(
      name = "purge-user",
      mixinStandardHelpOptions = true,
      description =
          "Acks the messages that name the user (ce-subject, user_id or metadata.user_id) in the"
              + " named dead-letter subscriptions (all of the catalog's by default) and releases"
              + " every other message untouched.")
  static final class PurgeUserCommand implements Callable<Integer> {
    private final Context context;
    @Mixin Connection connection = new Connection();
    @Mixin ScanOptions limits = new ScanOptions();

    @Parameters(index = "0", paramLabel = "USER_ID")
    String user = "";

    @Parameters(index = "1..*", paramLabel = "SUBSCRIPTION", arity = "0..*")
    List<String> names = new ArrayList<>();

    PurgeUserCommand(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (user.isBlank()) {
        throw SetupException.usage("the user id is blank");
      }
      String prefix = connection.in(context.env()).prefix();
      boolean complete = true;
      int removed = 0;
      try (GrpcDeadLetters pubSub = GrpcDeadLetters.open(connection)) {
        DeadLetterScan scan = limits.scan(pubSub);
        for (SubscriptionSpec source : DeadLettersCli.sources(names)) {
          String subscription = prefix + source.deadLetterSubscription();
          DeadLetterScan.Result result =
              scan.scan(subscription, DeadLetterUsers.purging(Set.of(user)));
          context
              .out()
              .println(
                  subscription
                      + ": removed "
                      + result.acked()
                      + ", kept "
                      + (result.seen() - result.acked())
                      + result.incomplete().map(why -> " (incomplete: " + why + ")").orElse(""));
          complete &= result.complete();
          removed += result.acked();
        }
      }
      context.out().println("removed " + removed + " dead letters of user " + user);
      return DeadLettersCli.exit(complete);
    }
  }
}
