package dev.officeflow.office.backfill;

/**
 * Whether due jobs wait for a slot on this instance, as its scheduler last saw: a run that has had
 * its turn then makes way ({@link BackfillSettings#turn()}). Thread-safe.
 */
final class Backlog {

  private volatile boolean waiting;

  boolean othersWaiting() {
    return waiting;
  }

  void set(boolean jobsWaiting) {
    waiting = jobsWaiting;
  }
}
