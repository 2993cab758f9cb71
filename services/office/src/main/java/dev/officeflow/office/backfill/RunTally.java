package dev.officeflow.office.backfill;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The per-run counts for the run log. */
final class RunTally {
  final AtomicLong fetched = new AtomicLong();
  final AtomicLong published = new AtomicLong();
  final AtomicLong skipped = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong addressesDropped = new AtomicLong();
  final Map<String, Boolean> skippedSources = new ConcurrentHashMap<>();

  void add(Step step, long droppedAddresses) {
    fetched.addAndGet(step.fetched());
    published.addAndGet(step.events().size());
    skipped.addAndGet(step.skipped());
    failed.addAndGet(step.failed());
    addressesDropped.addAndGet(droppedAddresses);
  }

  void skipped(String source) {
    skippedSources.put(source, true);
  }
}
