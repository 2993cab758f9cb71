package dev.officeflow.office.backfill;

import dev.officeflow.office.google.GoogleScopes;
import dev.officeflow.office.google.GoogleSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the steps of one run share: the job, the Google session, estimates and skips so far. */
final class RunContext {

  private final BackfillJob job;
  private final GoogleSession session;
  private final BackfillEvents events;
  private final AtomicLong gmailEstimate;
  private final AtomicLong calendarEstimate;
  private final Map<String, String> skippedSources;
  private final AtomicBoolean gmailMetadataOnly;
  private final AtomicLong addressesDropped = new AtomicLong();
  private final AtomicReference<Long> gmailHistoryId = new AtomicReference<>();

  RunContext(BackfillJob job, GoogleSession session, BackfillEvents events) {
    this.job = job;
    this.session = session;
    this.events = events;
    this.gmailEstimate = new AtomicLong(job.gmailEstimate());
    this.calendarEstimate = new AtomicLong(job.calendarEstimate());
    this.skippedSources = new ConcurrentHashMap<>(job.skippedSources());
    // gmail.metadata forbids queries and bodies, even next to a broader scope (as Gmail does).
    this.gmailMetadataOnly =
        new AtomicBoolean(session.credential().scopes().contains(GoogleScopes.GMAIL_METADATA));
  }

  BackfillJob job() {
    return job;
  }

  GoogleSession session() {
    return session;
  }

  BackfillEvents events() {
    return events;
  }

  String account() {
    return session.credential().accountEmail();
  }

  AtomicLong gmailEstimate() {
    return gmailEstimate;
  }

  AtomicLong calendarEstimate() {
    return calendarEstimate;
  }

  Map<String, String> skippedSources() {
    return Map.copyOf(skippedSources);
  }

  void skip(String source, String reason) {
    skippedSources.put(source, reason);
  }

  AtomicBoolean gmailMetadataOnly() {
    return gmailMetadataOnly;
  }

  AtomicLong addressesDropped() {
    return addressesDropped;
  }

  /** The mailbox's history id captured when this run started the Gmail phase (null: not yet). */
  AtomicReference<Long> gmailHistoryId() {
    return gmailHistoryId;
  }
}
