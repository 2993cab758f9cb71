package dev.officeflow.office.providers.microsoft.mail;

import com.microsoft.graph.models.Message;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import dev.officeflow.office.backfill.Step;
import dev.officeflow.office.backfill.Window;
import dev.officeflow.office.providers.microsoft.GraphPage;
import dev.officeflow.office.providers.microsoft.MicrosoftScopes;
import dev.officeflow.office.providers.microsoft.MicrosoftSource;
import dev.officeflow.office.providers.microsoft.mail.MessageMapper.MappedEmail;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Outlook mail, read by windows of the job's span like Gmail (ARCHITECTURE §7, "Incremental
 * windows"): in each window the inbox, then the sent items, a page of {@code $top} messages per
 * step ({@link MailPosition} in the checkpoint). A window is claimed as covered once both folders
 * are listed to their end: Graph lists each folder newest first, but the two folders together are
 * complete below a time only when both have passed it, so unlike Gmail no step claims part of a
 * window. A job stopped inside a window leaves all of that window to the next job, which may then
 * publish some of its messages a second time (the same keys; consumers are idempotent).
 */
final class MailSource extends MicrosoftSource {

  /** The source's name: its skips, coverage and job API phase. */
  static final String NAME = "mail";

  private final MailReader reader;

  MailSource(MailReader reader) {
    super(Phase.MAIL, NAME, MicrosoftScopes.MAIL_READ);
    this.reader = reader;
  }

  /** The job's mail window up to the second it was created. */
  @Override
  public Optional<Window> span(BackfillJob job) {
    Instant to = job.createdAt().truncatedTo(ChronoUnit.SECONDS);
    return job.emailAfter().isBefore(to)
        ? Optional.of(new Window(job.emailAfter(), to, true))
        : Optional.empty();
  }

  @Override
  public Mono<Step> next(RunContext run, Cursor c) {
    int cap = run.job().maxEmails();
    if (c.phaseItems() >= cap) {
      return Mono.just(Step.nothing(c.exhaust()));
    }
    MailPosition at = MailPosition.parse(c.pageToken());
    Window w = Objects.requireNonNull(run.window(), "mail is read by windows");
    return reader
        .list(session(run), at.folder(), w, at.nextLink())
        .map(page -> step(run, c, at.folder(), w, page, cap));
  }

  private Step step(
      RunContext run, Cursor c, MailFolder folder, Window w, GraphPage<Message> page, int cap) {
    List<Message> unread =
        page.items().stream().filter(m -> !run.readBefore().contains(m.getId())).toList();
    List<Message> items = upToCap(unread, c, cap);
    List<OfficeEvent> events = new ArrayList<>();
    int skipped = page.items().size() - unread.size();
    int failed = 0;
    for (Message message : items) {
      Optional<MappedEmail> mapped = map(run, message, folder);
      if (mapped.isEmpty()) {
        failed++;
      } else if (!w.contains(mapped.get().email().receivedDate())) {
        skipped++;
      } else {
        run.addressesDropped().addAndGet(mapped.get().droppedAddresses());
        MappedEmail m = mapped.get();
        events.add(run.events().email(run.job(), run.account(), m.email(), m.outbound()));
      }
    }
    MailPosition after = MailPosition.after(folder, page.nextLink());
    String next = after == null ? null : after.wire();
    int known = c.phaseItems() + items.size();
    long ahead = next == null ? 0 : reader.pageSize();
    run.mailEstimate().accumulateAndGet(Math.min(cap, known + ahead), Math::max);
    Cursor cursor = c.nextPage(next, items.size(), cap);
    Step step = new Step(events, items.size(), skipped, failed, cursor);
    boolean windowRead = after == null && items.size() == unread.size();
    return windowRead ? step.covering(w.from(), Set.of()) : step;
  }

  private static Optional<MappedEmail> map(RunContext run, Message m, MailFolder folder) {
    try {
      return MessageMapper.map(m, run.account(), folder == MailFolder.SENT_ITEMS);
    } catch (EventValidationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
