package dev.officeflow.contacts.testing;

import dev.officeflow.contacts.ContactsApplication;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.testsupport.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The contacts service running in the test JVM ({@link ServiceUnderTest}: its own Pub/Sub namespace
 * and database) with a {@link TestJwks} as the user service's key set, counting what its handlers
 * finished ({@link HandledEvents}).
 */
public final class ContactsApp implements AutoCloseable {

  private final ServiceUnderTest service;
  private final TestJwks jwks;
  private final HandledEvents handled;
  private boolean closed;

  private ContactsApp(ServiceUnderTest service, TestJwks jwks, HandledEvents handled) {
    this.service = service;
    this.jwks = jwks;
    this.handled = handled;
  }

  public static ContactsApp start(String name, Map<String, Object> extra) {
    return start(name, IsolatedCatalog.apply(), extra);
  }

  /** Starts on a catalog already applied under {@code prefix} (to publish a backlog first). */
  public static ContactsApp start(String name, String prefix, Map<String, Object> extra) {
    return start(
        ServiceUnderTest.of(ContactsApplication.class).name(name).freshDatabase(), prefix, extra);
  }

  /**
   * Closes this instance and starts another on its database and catalog with {@code extra}: a
   * restart, perhaps with other settings.
   */
  public ContactsApp restart(Map<String, Object> extra) {
    TestDatabase database = service.database().orElseThrow();
    close();
    return start(
        ServiceUnderTest.of(ContactsApplication.class).database(database), prefix(), extra);
  }

  /** Starts a second instance on this one's database and catalog, with {@code extra}. */
  public ContactsApp another(Map<String, Object> extra) {
    return start(
        ServiceUnderTest.of(ContactsApplication.class).database(service.database().orElseThrow()),
        prefix(),
        extra);
  }

  private static ContactsApp start(
      ServiceUnderTest.Builder builder, String prefix, Map<String, Object> extra) {
    TestJwks jwks = TestJwks.start();
    HandledEvents handled = new HandledEvents();
    try {
      ServiceUnderTest service =
          builder
              .catalog(prefix)
              .web(WebApplicationType.REACTIVE)
              .property("spring.cloud.gcp.pubsub.subscriber.parallel-pull-count", 2)
              .property("officeflow.security.user-jwt.jwk-set-uri", jwks.uri())
              .properties(extra)
              .beanPostProcessor(handled)
              .start();
      return new ContactsApp(service, jwks, handled);
    } catch (RuntimeException e) {
      jwks.close();
      throw e;
    }
  }

  public static ContactsApp start(String name) {
    return start(name, Map.of());
  }

  public ConfigurableApplicationContext context() {
    return service.context();
  }

  public String prefix() {
    return service.prefix();
  }

  public TestJwks jwks() {
    return jwks;
  }

  public HandledEvents handled() {
    return handled;
  }

  public Database database() {
    return new Database(service.database().orElseThrow());
  }

  public String baseUrl() {
    return service.baseUrl();
  }

  /** Publishes on the event's catalog topic in this app's namespace; waits for the message ids. */
  public void publish(List<? extends OfficeEvent> events) {
    EventPublisher publisher = service.bean(EventPublisher.class);
    CompletableFuture.allOf(
            events.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
        .join();
  }

  public void publish(OfficeEvent event) {
    publish(List.of(event));
  }

  /**
   * Deliveries the runtime settled on the catalog subscription {@code subscription} (e.g. {@code
   * contacts-emails}) with any outcome but a retry: acked by a handler, settled before one (a
   * forgotten user's), or dead-lettered.
   */
  public long settled(String subscription) {
    return Math.round(
        service.bean(MeterRegistry.class).find("officeflow.consumer.messages").counters().stream()
            .filter(c -> subscription.equals(unprefixed(c.getId().getTag("subscription"))))
            .filter(c -> !"retry".equals(c.getId().getTag("outcome")))
            .mapToDouble(Counter::count)
            .sum());
  }

  private String unprefixed(String name) {
    return name != null && name.startsWith(prefix()) ? name.substring(prefix().length()) : name;
  }

  /** Stops the service; a second call does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    service.close();
    jwks.close();
  }
}
