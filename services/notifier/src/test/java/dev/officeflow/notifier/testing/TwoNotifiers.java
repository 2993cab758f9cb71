package dev.officeflow.notifier.testing;

import java.util.Map;

/**
 * Two notifier instances on one catalog and one Redis, as behind a load balancer: each event is
 * consumed by one of them, and a stream may be on either.
 */
public record TwoNotifiers(NotifierApp first, NotifierApp second) implements AutoCloseable {

  public static TwoNotifiers start() {
    NotifierApp first = NotifierApp.start(Map.of());
    try {
      return new TwoNotifiers(first, NotifierApp.start(first.prefix(), Map.of()));
    } catch (RuntimeException e) {
      first.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      second.close();
    } finally {
      first.close();
    }
  }
}
