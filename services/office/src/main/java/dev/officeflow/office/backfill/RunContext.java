package dev.officeflow.office.backfill;

import dev.officeflow.office.adapter.ProviderSession;
import dev.officeflow.office.backfill.store.Progress;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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
  private volatile @Nullable Window window;
  private volatile Set<String> readBefore = Set.of();
  private volatile boolean windowRead;
  private volatile int phaseItems;

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
   * The window a windowed source reads now ({@link BackfillSource#span}); null for a source read
   * whole.
   */
  public @Nullable Window window() {
    return window;
  }

  /**
   * Ids an earlier job already read at the top of the current window (the second just above it,
   * {@link Coverage}): listed again by a query in whole seconds, they are not read again.
   */
  public Set<String> readBefore() {
    return readBefore;
  }

  void enter(Window w, Set<String> alreadyRead) {
    this.window = w;
    this.readBefore = Set.copyOf(alreadyRead);
    this.windowRead = false;
  }

  /** A new phase starts: no window until its source enters one. */
  void leaveWindow() {
    this.window = null;
    this.readBefore = Set.of();
    this.windowRead = false;
  }

  /** The current window has been read to its bottom (not stopped by the cap). */
  boolean windowRead() {
    return windowRead;
  }

  /** Where the phase goes on once the current window is read: the next window, items kept. */
  Checkpoint nextWindowStart(Phase phase) {
    return new Checkpoint(phase, null, null, phaseItems, null);
  }

  /**
   * The checkpoint after {@code step}: inside the window, or (the window read) at the choice of the
   * next one, or (the cap reached first) at the next phase. Notes whether the window was read.
   */
  Checkpoint checkpointAfter(Phase phase, Step step) {
    Window w = window;
    Cursor next = step.next();
    if (w == null) {
      return next.checkpoint(phase);
    }
    phaseItems = next.phaseItems();
    if (step.coveredFrom() != null && !step.coveredFrom().isAfter(w.from())) {
      windowRead = true;
    }
    if (!next.exhausted()) {
      return next.checkpoint(phase).in(w);
    }
    return windowRead ? nextWindowStart(phase) : Checkpoint.start(phase.next());
  }

  /** What {@code step} read completely of the current window, to record with its checkpoint. */
  Progress.@Nullable Claim claim(String source, Step step) {
    Window w = window;
    Instant covered = step.coveredFrom();
    if (w == null || covered == null) {
      return null;
    }
    // A claim may reach below the window (a source that read further down, {@link Step}).
    return covered.isBefore(w.to())
        ? new Progress.Claim(source, covered, w.to(), step.edge())
        : null;
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
