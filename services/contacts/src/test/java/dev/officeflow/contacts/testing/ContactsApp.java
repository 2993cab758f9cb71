package dev.officeflow.contacts.testing;

import dev.officeflow.contacts.ContactsApplication;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The contacts service running in the test JVM on its own Pub/Sub namespace (an isolated catalog),
 * its own database and a {@link TestJwks} as the user service's key set.
 */
public final class ContactsApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final String prefix;
  private final TestDatabase database;
  private final TestJwks jwks;
  private final HandledEvents handled;

  private ContactsApp(
      ConfigurableApplicationContext context,
      String prefix,
      TestDatabase database,
      TestJwks jwks,
      HandledEvents handled) {
    this.context = context;
    this.prefix = prefix;
    this.database = database;
    this.jwks = jwks;
    this.handled = handled;
  }

  public static ContactsApp start(String name, Map<String, Object> extra) {
    return start(name, IsolatedCatalog.apply(), extra);
  }

  /** Starts on a catalog already applied under {@code prefix} (to publish a backlog first). */
  public static ContactsApp start(String name, String prefix, Map<String, Object> extra) {
    TestDatabase database = Infrastructure.createDatabase(name);
    TestJwks jwks = TestJwks.start();
    HandledEvents handled = new HandledEvents();
    Map<String, Object> properties = new HashMap<>(IsolatedCatalog.springProperties(prefix));
    properties.put("spring.r2dbc.url", database.r2dbcUrl());
    properties.put("spring.r2dbc.username", Infrastructure.postgresUser());
    properties.put("spring.r2dbc.password", Infrastructure.postgresPassword());
    properties.put("spring.flyway.url", database.jdbcUrl());
    properties.put("spring.flyway.user", Infrastructure.postgresUser());
    properties.put("spring.flyway.password", Infrastructure.postgresPassword());
    properties.put("spring.cloud.gcp.pubsub.subscriber.parallel-pull-count", 2);
    properties.put("server.port", 0);
    properties.put("officeflow.security.user-jwt.jwk-set-uri", jwks.uri());
    properties.put("logging.structured.format.console", "");
    properties.putAll(extra);
    // As command-line arguments: they take precedence over application.yml.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ContactsApplication.class)
            .web(WebApplicationType.REACTIVE)
            .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(handled))
            .run(args);
    return new ContactsApp(context, prefix, database, jwks, handled);
  }

  public static ContactsApp start(String name) {
    return start(name, Map.of());
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public String prefix() {
    return prefix;
  }

  public TestJwks jwks() {
    return jwks;
  }

  public HandledEvents handled() {
    return handled;
  }

  public Database database() {
    return new Database(database);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  /** Publishes on the event's catalog topic in this app's namespace; waits for the message ids. */
  public void publish(List<? extends OfficeEvent> events) {
    EventPublisher publisher = context.getBean(EventPublisher.class);
    CompletableFuture.allOf(
            events.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
        .join();
  }

  public void publish(OfficeEvent event) {
    publish(List.of(event));
  }

  @Override
  public void close() {
    context.close();
    jwks.close();
  }
}
