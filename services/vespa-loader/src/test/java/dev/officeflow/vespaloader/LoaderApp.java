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
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.vespasim.VespaSim;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
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
  private final TestJwks jwks;
  private final ServiceUnderTest service;

  /**
   * A purge's second pass this long after its first, instead of 60 s: tests purge often. It may be
   * this short because the operation timeout is too.
   */
  static final Duration SECOND_PASS_AFTER = Duration.ofSeconds(8);

  /**
   * The feed endpoint as a property of its own: {@code VESPA_ENDPOINT} must not point the test at
   * anything another run uses.
   */
  private LoaderApp(Map<String, String> properties) {
    sim = VespaSim.start(0, SCHEMAS);
    pubSub = new EmulatorPubSub();
    jwks = TestJwks.start();
    ServiceUnderTest.Builder builder =
        ServiceUnderTest.of(VespaLoaderApplication.class)
            .property(
                "officeflow.vespa-loader.feed.endpoints", "http://127.0.0.1:" + sim.port() + "/")
            .property(
                "officeflow.vespa-loader.search.endpoint", "http://127.0.0.1:" + sim.port() + "/")
            .property("officeflow.security.user-jwt.jwk-set-uri", jwks.uri())
            .property("officeflow.security.callers.operator", SERVICE_TOKEN)
            .property("officeflow.vespa-loader.feed.operation-timeout", "6s")
            .property("officeflow.vespa-loader.purge.not-forgotten-for", "1s")
            .property(
                "officeflow.vespa-loader.purge.second-pass-after",
                SECOND_PASS_AFTER.toSeconds() + "s");
    properties.forEach(builder::property);
    service = builder.start();
  }

  static LoaderApp start() {
    return new LoaderApp(Map.of());
  }

  /** Started with these properties besides (or instead of) the test defaults. */
  static LoaderApp start(Map<String, String> properties) {
    return new LoaderApp(properties);
  }

  /** Settled deliveries of vespa-loader's subscription on {@code type}'s topic, by outcome. */
  double settled(EventType type, String outcome) {
    String subscription =
        service.prefix() + Catalog.subscription(Catalog.VESPA_LOADER, type.topic()).name();
    Counter counter =
        service
            .bean(MeterRegistry.class)
            .find("officeflow.consumer.messages")
            .tags("subscription", subscription, "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** A bean of the running service. */
  <T> T bean(Class<T> type) {
    return service.bean(type);
  }

  VespaSim sim() {
    return sim;
  }

  /** Signs user tokens the app accepts, like the user service's. */
  TestJwks jwks() {
    return jwks;
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
      jwks.close();
    }
  }
}
