package dev.officeflow.events.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One bounded pass over a dead-letter subscription: pulls it in batches, shows each message once to
 * a {@link Visitor}, acks what the visitor took, and holds every other message (by extending its
 * ack deadline) so that the next pull returns new ones, then releases them all for redelivery. It
 * stops when the subscription has nothing more to give, at its deadline, after {@code maxMessages},
 * or when the visitor says so; memory is the held ack ids and ids seen, never the messages. A
 * message is acked only after the visitor returned for it, so a visitor that publishes first
 * (replay) loses nothing. Not thread-safe: one scan at a time per instance.
 *
 * <p>Messages held by a scan are invisible to any other reader until it ends: a second scan of the
 * same subscription at the same time sees fewer messages.
 */
public final class DeadLetterScan {

  /** What to do with one message. */
  public enum Decision {
    /** Remove it from the subscription. */
    ACK,
    /** Leave it there. */
    KEEP,
    /** Leave it there and end the scan. */
    STOP
  }

  /** Decides about each message of a scan once. */
  @FunctionalInterface
  public interface Visitor {
    Decision visit(DeadLetter message);
  }

  /**
   * How far a scan goes.
   *
   * @param batchSize messages per pull at most: fewer while the messages are large (the first pull
   *     takes one), 1 after a response was too large
   * @param maxMessages distinct messages after which the scan stops, incomplete
   * @param deadline how long a scan may take before it stops, incomplete
   * @param hold the ack deadline (10..600 s) set on the messages it keeps until it releases them
   */
  public record Limits(int batchSize, int maxMessages, Duration deadline, Duration hold) {

    /** 100 per pull, up to 100,000 messages or 5 minutes, each held for 60 s at a time. */
    public static final Limits DEFAULTS =
        new Limits(100, 100_000, Duration.ofMinutes(5), Duration.ofSeconds(60));

    public Limits {
      if (batchSize < 1 || batchSize > 1000) {
        throw new IllegalArgumentException("batch size must be 1..1000: " + batchSize);
      }
      if (maxMessages < 1) {
        throw new IllegalArgumentException("max messages must be positive: " + maxMessages);
      }
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive: " + deadline);
      }
      if (hold.toSeconds() < 10 || hold.toSeconds() > 600) {
        throw new IllegalArgumentException("hold must be 10..600 s: " + hold);
      }
    }

    public Limits withBatchSize(int size) {
      return new Limits(size, maxMessages, deadline, hold);
    }

    public Limits withMaxMessages(int max) {
      return new Limits(batchSize, max, deadline, hold);
    }

    public Limits withDeadline(Duration scanDeadline) {
      return new Limits(batchSize, maxMessages, scanDeadline, hold);
    }
  }

  /**
   * What a scan did.
   *
   * @param seen distinct messages shown to the visitor
   * @param acked messages removed
   * @param incomplete why it stopped before the subscription had nothing more to give; empty when
   *     it did not, or when the visitor stopped it
   */
  public record Result(int seen, int acked, Optional<String> incomplete) {
    public boolean complete() {
      return incomplete.isEmpty();
    }
  }

  /**
   * A pull that returned nothing this often in a row means nothing is left to deliver now. Pub/Sub
   * may answer an immediate pull with nothing while a few messages are still there; five in a row
   * cost some 50 ms each.
   */
  static final int EMPTY_PULLS_TO_STOP = 5;

  /** Ack ids per acknowledge or modify call: Pub/Sub limits a request to 512 KB. */
  static final int IDS_PER_CALL = 500;

  /**
   * What one pull should return at most, by the largest message seen so far: far below the 20 MiB a
   * response may have, so that a few multi-megabyte dead letters (a burst of too-large bodies)
   * rarely make a response too large, whose messages would stay invisible until their deadline.
   */
  static final long RESPONSE_BUDGET_BYTES = 4L * 1024 * 1024;

  private final DeadLetterSubscriptions pubSub;
  private final Limits limits;
  private final LongSupplier nanoClock;

  public DeadLetterScan(DeadLetterSubscriptions pubSub, Limits limits) {
    this(pubSub, limits, System::nanoTime);
  }

  /** {@code nanoClock} measures the deadline; tests drive it. */
  public DeadLetterScan(DeadLetterSubscriptions pubSub, Limits limits, LongSupplier nanoClock) {
    this.pubSub = pubSub;
    this.limits = limits;
    this.nanoClock = nanoClock;
  }

  public Limits limits() {
    return limits;
  }

  /** Scans {@code subscription} once; every message not acked is released before it returns. */
  public Result scan(String subscription, Visitor visitor) {
    Pass pass = new Pass(subscription, visitor);
    try {
      return pass.run();
    } finally {
      pass.release();
    }
  }

  /** The state of one scan. */
  private final class Pass {
    private final String subscription;
    private final Visitor visitor;
    private final List<String> held = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final long start = nanoClock.getAsLong();
    private long lastHold = start;
    // The first pull takes one message: nothing is known about their sizes yet.
    private int batchSize = 1;
    private long largest;
    private int acked;
    private boolean lostSome;

    Pass(String subscription, Visitor visitor) {
      this.subscription = subscription;
      this.visitor = visitor;
    }

    Result run() {
      int empty = 0;
      while (true) {
        if (nanoClock.getAsLong() - start >= limits.deadline().toNanos()) {
          return result("stopped at the deadline of " + limits.deadline().toSeconds() + " s");
        }
        if (seen.size() >= limits.maxMessages()) {
          return result("stopped after " + limits.maxMessages() + " messages");
        }
        List<DeadLetter> batch = pull();
        if (batch.isEmpty()) {
          if (++empty >= EMPTY_PULLS_TO_STOP) {
            return result(null);
          }
          continue;
        }
        empty = 0;
        resize(batch);
        List<String> kept = new ArrayList<>();
        boolean stop = visit(batch, kept);
        if (stop) {
          return new Result(seen.size(), acked, Optional.empty());
        }
        hold(kept);
      }
    }

    private List<DeadLetter> pull() {
      try {
        return pubSub.pull(subscription, batchSize);
      } catch (ResponseTooLargeException e) {
        if (batchSize == 1) {
          throw e;
        }
        // That response's messages are leased to nobody until their deadline passes.
        batchSize = 1;
        lostSome = true;
        return pull();
      }
    }

    /** As many as {@link #RESPONSE_BUDGET_BYTES} allows of messages as large as the largest. */
    private void resize(List<DeadLetter> batch) {
      for (DeadLetter message : batch) {
        largest = Math.max(largest, message.data().length);
      }
      long fits = RESPONSE_BUDGET_BYTES / Math.max(1, largest);
      batchSize = lostSome ? 1 : (int) Math.max(1, Math.min(limits.batchSize(), fits));
    }

    /** Holds (and adds to {@code kept}) what it does not ack; returns whether to stop. */
    private boolean visit(List<DeadLetter> batch, List<String> kept) {
      List<String> toAck = new ArrayList<>();
      int next = 0;
      boolean stop = false;
      try {
        for (; next < batch.size() && !stop; next++) {
          DeadLetter message = batch.get(next);
          // Seen before: its hold ran out and it came back; it was kept then, so it is kept now.
          Decision decision =
              seen.add(message.messageId()) ? visitor.visit(message) : Decision.KEEP;
          (decision == Decision.ACK ? toAck : kept).add(message.ackId());
          stop = decision == Decision.STOP;
        }
      } finally {
        // After a stop or a visitor's failure the rest of the batch is kept; what the visitor took
        // is acked either way (a replayed message must not be replayed twice).
        batch.subList(next, batch.size()).forEach(message -> kept.add(message.ackId()));
        held.addAll(kept);
        inChunks(toAck, ids -> pubSub.acknowledge(subscription, ids));
        acked += toAck.size();
      }
      return stop;
    }

    // A new batch is held at once (a subscription's own ack deadline may be short); everything
    // held is extended again before half the hold has passed.
    private void hold(List<String> kept) {
      int seconds = Math.toIntExact(limits.hold().toSeconds());
      long now = nanoClock.getAsLong();
      boolean renewAll = now - lastHold >= limits.hold().toNanos() / 2;
      inChunks(renewAll ? held : kept, ids -> pubSub.modifyAckDeadline(subscription, ids, seconds));
      if (renewAll) {
        lastHold = now;
      }
    }

    void release() {
      try {
        inChunks(held, ids -> pubSub.modifyAckDeadline(subscription, ids, 0));
      } catch (RuntimeException e) {
        // Unreleased messages come back by themselves once their hold runs out.
      }
    }

    private Result result(@Nullable String why) {
      String reason = why;
      if (lostSome) {
        reason =
            (why == null ? "" : why + "; ")
                + "a pull response was too large: its messages stay invisible until their ack"
                + " deadline passes, run again then";
      }
      return new Result(seen.size(), acked, Optional.ofNullable(reason));
    }
  }

  private static void inChunks(List<String> ids, Consumer<List<String>> call) {
    for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
      call.accept(List.copyOf(ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL))));
    }
  }
}
