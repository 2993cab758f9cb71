package dev.officeflow.legacybridge.testing;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.legacybridge.LegacyBridgeApplication;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A legacy bridge under test on its own prefix, with the emulator to publish legacy messages (no
 * attributes, as the reference services publish them) and to collect what comes out.
 */
public final class BridgeApp implements AutoCloseable {

  private final EmulatorPubSub pubSub = new EmulatorPubSub();
  private final List<EmulatorPubSub.Collector> collectors = new ArrayList<>();
  private final ServiceUnderTest service;
  private final String prefix;

  private BridgeApp(String prefix, Map<String, ?> properties) {
    this.prefix = prefix;
    this.service =
        ServiceUnderTest.of(LegacyBridgeApplication.class)
            .name("legacy_bridge")
            .catalog(prefix)
            .properties(properties)
            .start();
  }

  public static BridgeApp start() {
    return new BridgeApp(LegacyCatalog.apply(), Map.of());
  }

  /** The bridge with its mirror on, on a catalog applied with {@code --legacy-mirror}. */
  public static BridgeApp startMirroring() {
    return new BridgeApp(
        LegacyCatalog.applyWithMirror(), Map.of("officeflow.legacy-bridge.mirror.enabled", true));
  }

  /**
   * The bridge as configured by default (mirror off) on a catalog applied with {@code
   * --legacy-mirror}, so the mirror's subscriptions exist and would show anything read from them.
   */
  public static BridgeApp startWithMirrorSubscriptions() {
    return new BridgeApp(LegacyCatalog.applyWithMirror(), Map.of());
  }

  /**
   * Collects what arrives on the legacy {@code topic} from now on, through a subscription of the
   * test's own: the bridge's subscription there has a reader already (the bridge), and the
   * reference consumers would have theirs.
   */
  public EmulatorPubSub.Collector listen(String topic) {
    String subscription = prefix + "reference-" + topic;
    pubSub.admin().createSubscription(subscription, prefix + topic);
    return collect(subscription.substring(prefix.length()));
  }

  /** Publishes {@code json} with no attributes on the legacy {@code topic}. */
  public String publish(String topic, byte[] json) {
    return publish(topic, json, Map.of());
  }

  /** Publishes {@code json} with {@code attributes} (a replayed dead letter has some). */
  public String publish(String topic, byte[] json, Map<String, String> attributes) {
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(json))
            .putAllAttributes(attributes)
            .build();
    return pubSub.publisher().publish(prefix + topic, message).join();
  }

  /** Collects what arrives on the catalog subscription {@code subscription} from now on. */
  public EmulatorPubSub.Collector collect(String subscription) {
    EmulatorPubSub.Collector collector = pubSub.collect(prefix + subscription);
    collectors.add(collector);
    return collector;
  }

  public ServiceUnderTest service() {
    return service;
  }

  @Override
  public void close() throws InterruptedException {
    collectors.forEach(EmulatorPubSub.Collector::close);
    service.close();
    pubSub.close();
  }
}
