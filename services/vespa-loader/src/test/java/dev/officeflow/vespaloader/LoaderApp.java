package dev.officeflow.vespaloader;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.vespasim.VespaSim;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service under test ({@link ServiceUnderTest}: its own copy of the Pub/Sub catalog, a
 * random port), fed into an in-process vespa-sim loaded with {@code infra/vespa/schemas}.
 */
final class LoaderApp implements AutoCloseable {

  static final Path SCHEMAS = Path.of("../../infra/vespa/schemas");

  /** The credential the app accepts on {@code /internal/**}. */
  static final String SERVICE_TOKEN = "vespa-loader-test-service-token";

  private final VespaSim sim;
  private final EmulatorPubSub pubSub;
  private final ServiceUnderTest service;

  /**
   * The feed endpoint as a property of its own: {@code VESPA_ENDPOINT} must not point the test at
   * anything another run uses.
   */
  private LoaderApp() {
    sim = VespaSim.start(0, SCHEMAS);
    pubSub = new EmulatorPubSub();
    service =
        ServiceUnderTest.of(VespaLoaderApplication.class)
            .property(
                "officeflow.vespa-loader.feed.endpoints", "http://127.0.0.1:" + sim.port() + "/")
            .property("officeflow.security.callers.operator", SERVICE_TOKEN)
            .start();
  }

  static LoaderApp start() {
    return new LoaderApp();
  }

  VespaSim sim() {
    return sim;
  }

  ConfigurableApplicationContext context() {
    return service.context();
  }

  int port() {
    return service.port();
  }

  /** Publishes on the event type's topic under this app's prefix, as a producer would. */
  void publish(OfficeEvent event) {
    join(service.bean(EventPublisher.class).publish(event));
  }

  /** Publishes every event, then waits until all are accepted. */
  void publishAll(List<? extends OfficeEvent> events) {
    EventPublisher publisher = service.bean(EventPublisher.class);
    List<CompletableFuture<String>> publishing = events.stream().map(publisher::publish).toList();
    publishing.forEach(LoaderApp::join);
  }

  /** Publishes raw bytes with the given attributes on a catalog topic under the prefix. */
  void publishRaw(String topic, byte[] data, Map<String, String> attributes) {
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(data))
            .putAllAttributes(attributes)
            .build();
    join(pubSub.publisher().publish(service.prefix() + topic, message));
  }

  /** The JSON of an event, as the runtime's codec writes it. */
  static byte[] encode(OfficeEvent event) {
    return new EventCodec().encode(event);
  }

  /** Starts collecting the dead letters of vespa-loader's subscription on {@code type}'s topic. */
  EmulatorPubSub.Collector deadLetters(EventType type) {
    String subscription =
        Catalog.subscription(Catalog.VESPA_LOADER, type.topic()).deadLetterSubscription();
    return pubSub.collect(service.prefix() + subscription);
  }

  private static void join(CompletableFuture<String> publishing) {
    try {
      publishing.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("publishing failed", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      service.close();
    } finally {
      sim.close();
      pubSub.close();
    }
  }
}
