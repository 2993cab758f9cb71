package dev.officeflow.contacts.discovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How interaction writes are batched per subscription ({@code officeflow.contacts.discovery.*}):
 * changes wait at most {@code window} (or until {@code maxItems} are waiting) and are then written
 * in one transaction; each message is acked only after its batch committed.
 *
 * @param window longest wait of the first change of a batch; default 20 ms
 * @param maxItems most item changes in one batch; default 500
 * @param maxConcurrentWrites batches of one subscription written at the same time; default 2
 */
@ConfigurationProperties("officeflow.contacts.discovery")
record DiscoverySettings(
    @DefaultValue("20ms") Duration window,
    @DefaultValue("500") int maxItems,
    @DefaultValue("2") int maxConcurrentWrites) {

  DiscoverySettings {
    if (maxItems < 1 || maxConcurrentWrites < 1) {
      throw new IllegalArgumentException(
          "officeflow.contacts.discovery: max-items and max-concurrent-writes must be positive");
    }
  }
}
