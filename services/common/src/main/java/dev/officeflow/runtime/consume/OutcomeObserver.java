package dev.officeflow.runtime.consume;

/**
 * Told how each delivery was settled, for metrics. Called on the settling thread: keep it cheap.
 */
@FunctionalInterface
public interface OutcomeObserver {

  OutcomeObserver NONE = (subscription, outcome) -> {};

  /**
   * @param subscription the subscription's full name (with any prefix)
   * @param outcome {@code done}, {@code duplicate}, {@code stale}, {@code skipped}, {@code
   *     forgotten}, {@code retry}, {@code unavailable} (one held attempt while a dependency is
   *     down), {@code dead_letter} or {@code failed} (the handler signalled an unclassified error)
   */
  void settled(String subscription, String outcome);

  /**
   * A message was published to the subscription's dead-letter topic (and is about to be acked).
   *
   * @param reason the dead letter's {@code error_reason}, free text; observers label it by its
   *     prefix only (bounded cardinality)
   */
  default void deadLettered(String subscription, String reason) {}

  /** The label of an outcome: its kind, never its free-text reason (bounded cardinality). */
  static String label(Outcome outcome) {
    return switch (outcome.action()) {
      case RETRY -> "retry";
      case UNAVAILABLE -> "unavailable";
      case DEAD_LETTER -> "dead_letter";
      case ACK ->
          switch (outcome.reason()) {
            case "duplicate", "stale", "forgotten" -> outcome.reason();
            default -> outcome.reason().startsWith("skipped") ? "skipped" : "done";
          };
    };
  }
}
