package dev.officeflow.bench.streaming;

import dev.officeflow.office.backfill.BackfillService;
import java.time.Duration;
import java.util.List;

/**
 * One provider's simulator as the benchmark drives it: its users, how the office is pointed at it,
 * how their mailboxes start streaming, and the two kinds of change made to them.
 */
interface ChangeSource extends AutoCloseable {

  /** {@code google} or {@code microsoft}: the events' provider and the scenario's name. */
  String provider();

  /** The users whose mailboxes change, one address each (the office's user id). */
  List<String> users();

  /** The office's settings for this simulator; {@code officePort} is where the office listens. */
  List<String> officeArgs(int officePort);

  /** Backfills every user and returns once each mailbox streams. */
  void startStreaming(BackfillService service) throws InterruptedException;

  /** Adds a new message from an outside sender to {@code user}'s inbox; its provider id. */
  String addMessage(String user, String subject);

  /**
   * How long after its creation a message is changed at the earliest, for the change to be told
   * apart from the creation.
   */
  default Duration updateAfter() {
    return Duration.ZERO;
  }

  /** Changes {@code messageId} of {@code user} so that the office publishes an update. */
  void update(String user, String messageId);

  /** The contacts service's key of a message ({@code interactions.item_id}), each form it takes. */
  List<String> contactItemIds(String messageId);

  /** What the simulator counted (notifications, reads, throttling), one line. */
  String stats();

  @Override
  void close();
}
