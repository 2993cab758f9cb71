package dev.officeflow.vespasim;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The mutable counters behind {@link SimStats}. Thread-safe. */
final class Counters {

  final LongAdder puts = new LongAdder();
  final LongAdder updates = new LongAdder();
  final LongAdder removes = new LongAdder();
  final LongAdder gets = new LongAdder();
  final LongAdder visits = new LongAdder();
  final LongAdder conditionFailures = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder faultsInjected = new LongAdder();

  SimStats snapshot(Map<String, Integer> documents) {
    return new SimStats(
        puts.sum(),
        updates.sum(),
        removes.sum(),
        gets.sum(),
        visits.sum(),
        conditionFailures.sum(),
        rejected.sum(),
        faultsInjected.sum(),
        documents);
  }

  void reset() {
    for (LongAdder counter :
        new LongAdder[] {
          puts, updates, removes, gets, visits, conditionFailures, rejected, faultsInjected
        }) {
      counter.reset();
    }
  }
}
