package dev.officeflow.legacybridge.mirror;

import dev.officeflow.events.EventMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Tells the messages that would go round between the bridge and the mirror, by the {@code
 * metadata.source_service} both write into the body (reference messages carry no attributes, and
 * the reference consumers read that field as free text, so naming the mirror there changes nothing
 * they check): a typed event the bridge made from a legacy message is not mirrored (the legacy
 * consumers had that message already), and a legacy message the mirror made is not bridged (its
 * typed event is already on the typed topic). Counts what each side skips as {@code
 * officeflow.legacy.loop.skipped{side, topic}}. Thread-safe.
 */
public final class LegacyLoop {

  /** The {@code source_service} of every legacy message the mirror publishes. */
  public static final String MIRROR_SOURCE = "legacy-mirror";

  /** The bridge did not bridge a legacy message because the mirror made it. */
  public static final String BRIDGE_SIDE = "bridge";

  /** The mirror did not mirror a typed event because the bridge made it. */
  public static final String MIRROR_SIDE = "mirror";

  private final String bridgeSource;
  private final MeterRegistry meters;

  /**
   * @param bridgeSource the {@code source_service} of the bridge's typed events (the service name)
   */
  public LegacyLoop(String bridgeSource, MeterRegistry meters) {
    this.bridgeSource = bridgeSource;
    this.meters = meters;
  }

  /** Whether the mirror made this legacy message: the bridge acks it without republishing. */
  public boolean mirrored(EventMetadata legacy) {
    return MIRROR_SOURCE.equals(legacy.sourceService());
  }

  /** Whether the bridge made this typed event from a legacy message: the mirror skips it. */
  boolean bridged(EventMetadata typed) {
    return bridgeSource.equals(typed.sourceService());
  }

  /**
   * Counts one message {@code side} skipped on {@code topic} (the catalog's name, without a prefix,
   * so the labels stay few).
   */
  public void skipped(String side, String topic) {
    counter(side, topic).increment();
  }

  /** The count of {@link #skipped}; tests read it. */
  public double skips(String side, String topic) {
    return counter(side, topic).count();
  }

  private Counter counter(String side, String topic) {
    return Counter.builder("officeflow.legacy.loop.skipped")
        .description("Messages the bridge or the mirror left alone because the other one made them")
        .tag("side", side)
        .tag("topic", topic)
        .register(meters);
  }
}
