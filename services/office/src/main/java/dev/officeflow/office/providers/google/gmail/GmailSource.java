package dev.officeflow.office.providers.google.gmail;

import com.google.api.services.gmail.model.Message;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import dev.officeflow.office.backfill.Step;
import dev.officeflow.office.providers.google.GoogleFailure;
import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.gmail.EmailMapper.MappedEmail;
import dev.officeflow.office.providers.google.gmail.GmailReader.Fetched;
import dev.officeflow.office.providers.google.gmail.GmailReader.MessagePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Gmail: {@code messages.list} with {@code q=after:<window start>} (newest first), then the listed
 * ids in batches of {@code messages.get}. Under the {@code gmail.metadata} scope Gmail refuses
 * {@code q}: then the listing is unfiltered and stops at the first batch that reaches back past the
 * window, by {@code internalDate}.
 */
final class GmailSource implements BackfillSource {

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
    return "gmail";
  }

  @Override
  public Set<String> scopes() {
    return GoogleScopes.GMAIL_READ;
  }

  @Override
  public Mono<Step> next(RunContext run, Cursor c) {
    int cap = run.job().maxEmails();
    boolean lastPageDone = c.pageLoaded() && c.pending().isEmpty() && c.nextPageToken() == null;
    if (c.phaseItems() >= cap || lastPageDone) {
      return Mono.just(Step.nothing(c.exhaust()));
    }
    if (!c.pending().isEmpty()) {
      return fetch(run, c, cap);
    }
    if (startsThePhase(c) && run.mailHistoryId().get() == null) {
      // Before the first listing: streaming resumes here and so misses nothing the run misses.
      return position
          .historyId(session(run))
          .doOnNext(id -> run.mailHistoryId().compareAndSet(null, id))
          .then(Mono.defer(() -> list(run, c, cap)));
    }
    return list(run, c, cap);
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
                run.mailEstimate().set(Math.min(cap, page.estimate()));
              }
              Cursor loaded = c.loaded(token, page.ids(), page.nextPageToken(), cap);
              if (!loaded.pending().isEmpty()) {
                return fetch(run, loaded, cap);
              }
              return Mono.just(
                  Step.nothing(page.nextPageToken() == null ? loaded.exhaust() : loaded));
            });
  }

  private Mono<MessagePage> list(RunContext run, @Nullable String token) {
    if (session(run).metadataOnly().get()) {
      return reader.list(session(run), null, token);
    }
    String query = "after:" + run.job().emailAfter().getEpochSecond();
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
    List<OfficeEvent> events = new ArrayList<>();
    int skipped = got.missing().size();
    int failed = 0;
    boolean reachedBack = false;
    for (Message message : got.messages()) {
      Optional<MappedEmail> mapped = map(run, message);
      if (mapped.isEmpty()) {
        failed++;
      } else if (mapped.get().email().receivedDate().isBefore(run.job().emailAfter())) {
        skipped++;
        reachedBack = true;
      } else {
        run.addressesDropped().addAndGet(mapped.get().droppedAddresses());
        events.add(
            run.events()
                .email(run.job(), run.account(), mapped.get().email(), mapped.get().outbound()));
      }
    }
    boolean stop = reachedBack && session(run).metadataOnly().get();
    return new Step(events, got.messages().size(), skipped, failed, c.advanced(batch, stop, cap));
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
