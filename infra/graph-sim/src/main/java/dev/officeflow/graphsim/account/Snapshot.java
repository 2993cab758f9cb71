package dev.officeflow.graphsim.account;

import java.util.List;

/**
 * A consistent view of one store: every item (tombstones included) and the account's change
 * sequence when it was taken, so every change with a higher number happened after it.
 */
public record Snapshot<T extends Versioned>(List<T> items, long sequence) {

  public Snapshot {
    items = List.copyOf(items);
  }

  public List<T> live() {
    return items.stream().filter(i -> !i.deleted()).toList();
  }
}
