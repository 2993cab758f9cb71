package dev.officeflow.bench.backfill;

import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.Recurrence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a Microsoft backfill job must publish, from graph-sim's own content rather than from any
 * Graph answer: the messages of both folders received in the job's mail window, the calendar view's
 * occurrences of the job's calendar window (single events and each occurrence of a series that
 * overlap it, cancelled ones left out, as graph-sim's {@code calendarView} serves them) and every
 * live contact. The same rules as the office's {@code MicrosoftBackfillIT}.
 */
final class GraphTruth {

  private GraphTruth() {}

  /** The items {@code job} must publish, each exactly once. */
  static long expected(GraphAccount account, BackfillJob job) {
    return messages(account, job) + occurrences(account, job) + account.contacts().liveCount();
  }

  static long messages(GraphAccount account, BackfillJob job) {
    // The newest mail window has no upper bound (MailSource), so neither has this.
    Instant after = job.emailAfter();
    return account.messages().snapshot().live().stream()
        .map(MailItem::receivedDateTime)
        .filter(t -> !t.truncatedTo(ChronoUnit.SECONDS).isBefore(after))
        .count();
  }

  static long occurrences(GraphAccount account, BackfillJob job) {
    return account.events().snapshot().live().stream()
        .map(EventItem::record)
        .filter(r -> !r.isCancelled())
        .flatMap(r -> instances(r, job.calendarTo()).stream())
        .filter(r -> overlaps(r, job))
        .count();
  }

  private static List<EventRecord> instances(EventRecord r, Instant horizon) {
    return r.isRecurring() ? Recurrence.instances(r, horizon) : List.of(r);
  }

  private static boolean overlaps(EventRecord r, BackfillJob job) {
    return r.end().instant().isAfter(job.calendarFrom())
        && r.start().instant().isBefore(job.calendarTo());
  }
}
