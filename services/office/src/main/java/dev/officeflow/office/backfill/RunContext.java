package dev.officeflow.office.backfill;

import dev.officeflow.office.adapter.ProviderSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What the steps of one run share: the job, the provider session, estimates and skips so far, and
 * the mail change feed's position when the mail phase started.
 */
public final class RunContext {

  private final BackfillJob job;
  private final ProviderSession session;
  private final BackfillEvents events;
  private final AtomicLong mailEstimate;
  private final AtomicLong calendarEstimate;
  private final Map<String, String> skippedSources;
  private final AtomicLong addressesDropped = new AtomicLong();
  private final AtomicReference<Long> mailHistoryId = new AtomicReference<>();
  private final Map<Object, Object> state = new ConcurrentHashMap<>();

  RunContext(BackfillJob job, ProviderSession session, BackfillEvents events) {
    this.job = job;
    this.session = session;
    this.events = events;
    this.mailEstimate = new AtomicLong(job.mailEstimate());
    this.calendarEstimate = new AtomicLong(job.calendarEstimate());
    this.skippedSources = new ConcurrentHashMap<>(job.skippedSources());
  }

  public BackfillJob job() {
    return job;
  }

  public ProviderSession session() {
    return session;
  }

  /** The session as the adapter that opened it knows it. */
  public <S extends ProviderSession> S session(Class<S> type) {
    return type.cast(session);
  }

  public BackfillEvents events() {
    return events;
  }

  public String account() {
    return session.credential().accountEmail();
  }

  /** The provider's estimate of the messages to read (capped), 0 until listed. */
  public AtomicLong mailEstimate() {
    return mailEstimate;
  }

  /** Events read or known to come, 0 until listed. */
  public AtomicLong calendarEstimate() {
    return calendarEstimate;
  }

  Map<String, String> skippedSources() {
    return Map.copyOf(skippedSources);
  }

  /** Records that {@code source} was skipped and why; the job API and the run log show it. */
  public void skip(String source, String reason) {
    skippedSources.put(source, reason);
  }

  public AtomicLong addressesDropped() {
    return addressesDropped;
  }

  /**
   * The mailbox's change-feed position captured when this run started the mail phase (null: not
   * yet), where streaming starts so that it misses nothing that changed during the backfill.
   */
  public AtomicReference<Long> mailHistoryId() {
    return mailHistoryId;
  }

  /**
   * What a source keeps for the length of this run under {@code key} (the calendars it listed at
   * the start of its phase, say): created by {@code initial} on first use, dropped with the run.
   */
  @SuppressWarnings("unchecked")
  public <T> T state(Object key, Supplier<T> initial) {
    return (T) state.computeIfAbsent(key, k -> initial.get());
  }
}
