package dev.officeflow.office.providers.google.gmail;

import com.google.api.services.gmail.model.Message;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.backfill.Coverage;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import dev.officeflow.office.backfill.Step;
import dev.officeflow.office.backfill.Window;
import dev.officeflow.office.providers.google.GoogleFailure;
import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.gmail.EmailMapper.MappedEmail;
import dev.officeflow.office.providers.google.gmail.GmailReader.Fetched;
import dev.officeflow.office.providers.google.gmail.GmailReader.MessagePage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Gmail, read by windows of the job's span (ARCHITECTURE §7): {@code messages.list} with {@code
 * q=after:<window start> before:<window end>} (newest first; the newest window has no end), then
 * the listed ids in batches of {@code messages.get}. Each batch claims the window from the second
 * above its oldest message up ({@link Coverage}); the listing's end claims the whole window. Under
 * the {@code gmail.metadata} scope Gmail refuses {@code q}: then the listing is unfiltered,
 * messages above the window are passed over, and it stops at the first batch that reaches back past
 * the window, by {@code internalDate}.
 */
final class GmailSource implements BackfillSource {

  /** The source's name: its skips, coverage and job API phase. */
  static final String NAME = "gmail";

  private final GmailReader reader;
  private final boolean bodies;
  private final MailboxPosition position;

  GmailSource(GmailReader reader, boolean bodies, MailboxPosition position) {
    this.reader = reader;
    this.bodies = bodies;
    this.position = position;
  }

  @Override
  public String provider() {
    return GoogleScopes.PROVIDER;
  }

  @Override
  public Phase phase() {
    return Phase.MAIL;
  }

  @Override
  public String name() {
    return NAME;
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
  public Set<String> scopes() {
    return GoogleScopes.GMAIL_READ;
  }

  @Override
  public Mono<Step> next(RunContext run, Cursor c) {
    int cap = run.job().maxEmails();
    boolean lastPageDone = c.pageLoaded() && c.pending().isEmpty() && c.nextPageToken() == null;
    if (c.phaseItems() >= cap) {
      return Mono.just(Step.nothing(c.exhaust()));
    }
    if (lastPageDone) {
      return Mono.just(listed(run, Step.nothing(c.exhaust())));
    }
    if (!c.pending().isEmpty()) {
      return fetch(run, c, cap);
    }
    if (startsThePhase(c) && run.mailHistoryId().get() == null) {
      // Before the first listing: streaming resumes here and so misses nothing the run misses.
      return position
          .historyId(session(run))
          .doOnNext(id -> run.mailHistoryId().compareAndSet(null, id))
          .then(Mono.defer(() -> estimate(run, cap)))
          .then(Mono.defer(() -> list(run, c, cap)));
    }
    return list(run, c, cap);
  }

  /**
   * Gmail's estimate for the whole span, once per job (one {@code messages.list}, 5 units): the
   * windows are listed one at a time, so their own estimates would make the percent jump back.
   */
  private Mono<Void> estimate(RunContext run, int cap) {
    if (session(run).metadataOnly().get() || run.mailEstimate().get() > 0) {
      return Mono.empty();
    }
    String query = "after:" + run.job().emailAfter().getEpochSecond();
    return reader
        .list(session(run), query, null)
        .doOnNext(page -> run.mailEstimate().set(Math.min(cap, page.estimate())))
        .onErrorResume(e -> refusesQueries(e), e -> Mono.empty())
        .then();
  }

  private static boolean startsThePhase(Cursor c) {
    return !c.pageLoaded() && c.pageToken() == null && c.phaseItems() == 0;
  }

  private Mono<Step> list(RunContext run, Cursor c, int cap) {
    String token = c.pageLoaded() ? c.nextPageToken() : c.pageToken();
    return list(run, token)
        .flatMap(
            page -> {
              if (token == null) {
                // Earlier windows' items plus this window's: never below the span's estimate.
                long known = Math.min(cap, c.phaseItems() + (long) page.estimate());
                run.mailEstimate().accumulateAndGet(known, Math::max);
              }
              List<String> unread =
                  page.ids().stream().filter(id -> !run.readBefore().contains(id)).toList();
              Cursor loaded = c.loaded(token, unread, page.nextPageToken(), cap);
              if (!loaded.pending().isEmpty()) {
                return fetch(run, loaded, cap);
              }
              return Mono.just(
                  page.nextPageToken() == null
                      ? listed(run, Step.nothing(loaded.exhaust()))
                      : Step.nothing(loaded));
            });
  }

  private Mono<MessagePage> list(RunContext run, @Nullable String token) {
    if (session(run).metadataOnly().get()) {
      return reader.list(session(run), null, token);
    }
    Window w = window(run);
    String query =
        "after:"
            + w.from().getEpochSecond()
            + (w.openTop() ? "" : " before:" + w.to().getEpochSecond());
    return reader
        .list(session(run), query, token)
        .onErrorResume(
            e -> refusesQueries(e) && session(run).metadataOnly().compareAndSet(false, true),
            e -> reader.list(session(run), null, token));
  }

  /** The credential's scopes were unknown, and it turns out to carry {@code gmail.metadata}. */
  private static boolean refusesQueries(Throwable e) {
    return e instanceof GoogleFailure f
        && f.kind() == GoogleFailure.Kind.FORBIDDEN
        && String.valueOf(f.getMessage()).contains("Metadata scope");
  }

  private Mono<Step> fetch(RunContext run, Cursor c, int cap) {
    List<String> batch = c.pending().subList(0, Math.min(reader.batchSize(), c.pending().size()));
    boolean full = bodies && !session(run).metadataOnly().get();
    GmailReader.Format format = full ? GmailReader.Format.FULL : GmailReader.Format.METADATA;
    return reader.fetch(session(run), batch, format).map(got -> step(run, c, batch, got, cap));
  }

  private Step step(RunContext run, Cursor c, List<String> batch, Fetched got, int cap) {
    Window w = reading(run);
    List<OfficeEvent> events = new ArrayList<>();
    int skipped = got.missing().size();
    int failed = 0;
    boolean reachedBack = false;
    for (Message message : got.messages()) {
      Optional<MappedEmail> mapped = map(run, message);
      if (mapped.isEmpty()) {
        failed++;
      } else if (!w.contains(mapped.get().email().receivedDate())) {
        skipped++;
        reachedBack |= mapped.get().email().receivedDate().isBefore(w.from());
      } else {
        run.addressesDropped().addAndGet(mapped.get().droppedAddresses());
        events.add(
            run.events()
                .email(run.job(), run.account(), mapped.get().email(), mapped.get().outbound()));
      }
    }
    boolean stop = reachedBack && session(run).metadataOnly().get();
    Cursor next = c.advanced(batch, stop, cap);
    Step step = new Step(events, got.messages().size(), skipped, failed, next);
    boolean listingDone = stop || (next.pending().isEmpty() && next.nextPageToken() == null);
    return listingDone ? listed(run, step) : covered(step, got.messages());
  }

  /** The listing of the window is done: all of it is read. */
  private static Step listed(RunContext run, Step step) {
    return step.covering(reading(run).from(), Set.of());
  }

  /**
   * The window this run reads: the core's; without {@code q} (the metadata scope) every listing
   * starts at the newest message, so one listing reads down to the bottom of the job's span rather
   * than stopping at the recent slice and listing the same messages again for the next window.
   */
  private static Window reading(RunContext run) {
    Window w = window(run);
    GoogleSession session = session(run);
    return session.metadataOnly().get() && run.job().emailAfter().isBefore(w.from())
        ? new Window(run.job().emailAfter(), w.to(), w.openTop())
        : w;
  }

  /**
   * Listed newest first, so everything above the second of the batch's oldest message is read; the
   * ids of that second are kept for the run that reads below ({@link Coverage}).
   */
  private static Step covered(Step step, List<Message> messages) {
    Optional<Instant> oldest =
        messages.stream()
            .map(Message::getInternalDate)
            .filter(java.util.Objects::nonNull)
            .map(Instant::ofEpochMilli)
            .min(Instant::compareTo);
    if (oldest.isEmpty()) {
      return step;
    }
    Instant from = Coverage.secondAbove(oldest.get());
    Instant second = from.minusSeconds(1);
    Set<String> edge = new HashSet<>();
    for (Message m : messages) {
      if (m.getInternalDate() != null) {
        Instant t = Instant.ofEpochMilli(m.getInternalDate());
        if (!t.isBefore(second) && t.isBefore(from)) {
          edge.add(m.getId());
        }
      }
    }
    return step.covering(from, edge);
  }

  private static Window window(RunContext run) {
    return java.util.Objects.requireNonNull(run.window(), "gmail is read by windows");
  }

  private static Optional<MappedEmail> map(RunContext run, Message message) {
    try {
      return EmailMapper.map(message, run.account());
    } catch (EventValidationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static GoogleSession session(RunContext run) {
    return run.session(GoogleSession.class);
  }
}
