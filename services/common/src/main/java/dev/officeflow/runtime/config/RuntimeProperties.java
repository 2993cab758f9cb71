package dev.officeflow.runtime.config;

import dev.officeflow.runtime.consume.ConsumerSettings;
import dev.officeflow.runtime.payload.PayloadSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The runtime's settings under {@code officeflow.*}.
 *
 * @param service who is publishing and consuming ({@code officeflow.service.name} is the consumer
 *     name of the catalog: {@code office}, {@code contacts}, {@code vespa-loader})
 * @param redis where payload pointers point ({@code officeflow.redis.url}, default {@code
 *     redis://127.0.0.1:6379})
 * @param payload claim-check threshold (64 KiB), TTL (24 h) and metadata-only mode (off)
 * @param consumer whether handlers start with the application (on), the shutdown wait (30 s), the
 *     largest body decoded (1 MiB), the process's in-flight byte budget (16 MiB) and the backoff of
 *     a subscription paused by an outage (500 ms doubling to 5 s); {@link ConsumerSettings}
 * @param pubsub {@code officeflow.pubsub.prefix}: prepended to every catalog topic and subscription
 *     name (empty; tests give each service instance its own namespace with it)
 */
@ConfigurationProperties("officeflow")
public record RuntimeProperties(
    @DefaultValue Service service,
    @DefaultValue Redis redis,
    @DefaultValue Payload payload,
    @DefaultValue Consumer consumer,
    @DefaultValue Pubsub pubsub) {

  /** The service's identity in event metadata and in the catalog. */
  public record Service(
      @DefaultValue("unknown") String name, @DefaultValue("0.1.0") String version) {}

  /** The Redis server for payload pointers. */
  public record Redis(@DefaultValue("redis://127.0.0.1:6379") String url) {}

  /** When payloads go by pointer. */
  public record Payload(
      @DefaultValue("65536") int thresholdBytes,
      @DefaultValue("24h") Duration ttl,
      @DefaultValue("false") boolean metadataOnly) {

    PayloadSettings settings() {
      return new PayloadSettings(thresholdBytes, ttl, metadataOnly);
    }
  }

  /** Consumer lifecycle, limits and outage backoff ({@link ConsumerSettings}). */
  public record Consumer(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("30s") Duration shutdownTimeout,
      @DefaultValue("1MB") DataSize maxMessageSize,
      @DefaultValue("16MB") DataSize inFlightBytes,
      @DefaultValue("500ms") Duration outageBackoff,
      @DefaultValue("5s") Duration outageMaxBackoff) {

    ConsumerSettings settings() {
      return new ConsumerSettings(
          shutdownTimeout,
          Math.toIntExact(maxMessageSize.toBytes()),
          inFlightBytes.toBytes(),
          outageBackoff,
          outageMaxBackoff);
    }
  }

  /** Naming of Pub/Sub resources. */
  public record Pubsub(@DefaultValue("") String prefix) {}
}
