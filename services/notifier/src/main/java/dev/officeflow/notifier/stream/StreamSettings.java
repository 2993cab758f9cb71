package dev.officeflow.notifier.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-user streams ({@code officeflow.notifier.stream.*}).
 *
 * @param bufferSize the most entries a user's buffer keeps for {@code Last-Event-ID} (default 200):
 *     with backfill items coalesced into one entry per second at most, 200 cover minutes of the
 *     busiest stream, at a few hundred bytes each
 * @param bufferAge the oldest entry a buffer keeps, and how long after their last connection a
 *     user's events are still buffered (default 10 min); a reconnect from further back gets a
 *     {@code resync} event and reloads its state
 * @param heartbeat the interval of the SSE comment that keeps proxies from closing an idle stream
 *     (default 20 s; proxies commonly close after 30-60 s of silence)
 * @param clientBuffer the entries one connection may have waiting for its client (default 256); one
 *     more and the connection is closed, so a client that stops reading costs a bounded amount and
 *     never slows another
 * @param reconnectDelay the {@code retry:} the stream gives EventSource (default 2 s)
 * @param maxConnectionsPerUser the streams one user may hold on one instance (default 8: a few
 *     tabs); one more is refused with 429
 */
@ConfigurationProperties("officeflow.notifier.stream")
public record StreamSettings(
    @DefaultValue("200") int bufferSize,
    @DefaultValue("10m") Duration bufferAge,
    @DefaultValue("20s") Duration heartbeat,
    @DefaultValue("256") int clientBuffer,
    @DefaultValue("2s") Duration reconnectDelay,
    @DefaultValue("8") int maxConnectionsPerUser) {

  public StreamSettings {
    if (bufferSize < 1 || bufferSize > 10_000) {
      throw new IllegalArgumentException("officeflow.notifier.stream.buffer-size must be 1..10000");
    }
    if (bufferAge.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException("officeflow.notifier.stream.buffer-age must be >= 10 s");
    }
    if (heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("officeflow.notifier.stream.heartbeat must be positive");
    }
    if (clientBuffer < 1 || maxConnectionsPerUser < 1) {
      throw new IllegalArgumentException(
          "officeflow.notifier.stream.client-buffer and max-connections-per-user must be >= 1");
    }
  }
}
