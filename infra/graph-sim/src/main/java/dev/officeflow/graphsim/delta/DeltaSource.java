package dev.officeflow.graphsim.delta;

import java.util.List;

/**
 * What a resource offers a delta round: every entry it has now, and the account's sequence then.
 */
@FunctionalInterface
public interface DeltaSource {

  /**
   * The entries under {@code params} (filter, window) and the sequence they are consistent with.
   */
  Entries entries(DeltaParams params);

  /** The entries of one consistent snapshot. */
  record Entries(List<DeltaEntry> entries, long sequence) {
    public Entries {
      entries = List.copyOf(entries);
    }
  }
}
