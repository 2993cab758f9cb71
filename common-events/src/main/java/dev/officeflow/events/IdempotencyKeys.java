package dev.officeflow.events;

/**
 * The idempotency keys of ARCHITECTURE §5, derived in one place so producers and consumers agree.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /** {@code user:provider:provider_id}: the same for every version of one provider item. */
  public static String item(DataEvent<?> event) {
    return event.userId() + ":" + event.provider() + ":" + event.providerItemId();
  }

  /**
   * The item key plus {@code last_updated} in epoch milliseconds: identical for redeliveries and
   * re-publications of one version, different for a newer version.
   */
  public static String version(DataEvent<?> event) {
    return item(event) + ":" + event.lastUpdated().toEpochMilli();
  }

  /** {@code batch_id:correlation_id}, or empty when the event is not part of a batch. */
  public static String batch(OfficeEvent event) {
    String batchId = event.batchId();
    if (batchId == null) {
      return "";
    }
    String correlationId = event.metadata().correlationId();
    return batchId + ":" + (correlationId == null ? "" : correlationId);
  }

  /** True when {@code candidate} is older than {@code stored}, so it must not overwrite it. */
  public static boolean isStale(DataEvent<?> candidate, java.time.Instant stored) {
    return candidate.lastUpdated().isBefore(stored);
  }
}
