package dev.officeflow.runtime.testing;

import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service (or any Spring Boot application of the runtime) started in the test JVM: on its own
 * Pub/Sub namespace ({@link IsolatedCatalog}), the test Redis, optionally a PostgreSQL database of
 * its own, and a random port. Every property is passed as a command-line argument, so it wins over
 * the service's {@code application.yml} and the environment ({@code ./dev}'s endpoints must not
 * leak into a test). Logs are plain text unless a test asks for the service's format.
 *
 * <pre>{@code
 * try (ServiceUnderTest contacts =
 *     ServiceUnderTest.of(ContactsApplication.class).name("contacts_vip").freshDatabase().start()) {
 *   contacts.baseUrl();
 * }
 * }</pre>
 *
 * Not thread-safe: start and close it from one test thread.
 */
public final class ServiceUnderTest implements AutoCloseable {

  private static final String PREFIX = "officeflow.pubsub.prefix";

  private final ConfigurableApplicationContext context;
  private final String prefix;
  private final @Nullable TestDatabase database;

  private ServiceUnderTest(
      ConfigurableApplicationContext context, String prefix, @Nullable TestDatabase database) {
    this.context = context;
    this.prefix = prefix;
    this.database = database;
  }

  /** A builder for {@code application}, the class annotated {@code @OfficeflowService}. */
  public static Builder of(Class<?> application) {
    return new Builder(application);
  }

  /**
   * The R2DBC and Flyway properties that point a service at {@code database} as the test user: for
   * the builder, and for a service started as a process of its own.
   */
  public static Map<String, Object> databaseProperties(TestDatabase database) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.r2dbc.url", database.r2dbcUrl());
    properties.put("spring.r2dbc.username", Infrastructure.postgresUser());
    properties.put("spring.r2dbc.password", Infrastructure.postgresPassword());
    properties.put("spring.flyway.url", database.jdbcUrl());
    properties.put("spring.flyway.user", Infrastructure.postgresUser());
    properties.put("spring.flyway.password", Infrastructure.postgresPassword());
    return properties;
  }

  /** Spring's {@code --key=value} form of {@code properties}, in their order. */
  public static String[] commandLine(Map<String, ?> properties) {
    return properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The catalog prefix of this service's topics and subscriptions. */
  public String prefix() {
    return prefix;
  }

  /** The database the service runs on, when it has one. */
  public Optional<TestDatabase> database() {
    return Optional.ofNullable(database);
  }

  /** The port the service listens on; only for a web application. */
  public int port() {
    String port = context.getEnvironment().getProperty("local.server.port");
    if (port == null) {
      throw new IllegalStateException("not a web application: it listens on no port");
    }
    return Integer.parseInt(port);
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    context.close();
  }

  /** What to start: every setting has a default but the application class. */
  public static final class Builder {

    private final Class<?> application;
    private String name;
    private @Nullable String prefix;
    private boolean freshDatabase;
    private @Nullable TestDatabase database;
    private int port;
    private @Nullable WebApplicationType web;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers =
        new ArrayList<>();

    private Builder(Class<?> application) {
      this.application = application;
      this.name = application.getSimpleName().replace("Application", "").toLowerCase(Locale.ROOT);
    }

    /** Names the service's fresh database (the default: the application class, lower case). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Runs on a catalog already applied under {@code prefix} (to publish a backlog first, or for a
     * second instance). A prefix given as the property {@code officeflow.pubsub.prefix} counts the
     * same; without either the harness applies a fresh catalog.
     */
    public Builder catalog(String prefix) {
      this.prefix = prefix;
      return this;
    }

    /** A new, empty database named after {@link #name}; the service migrates it. */
    public Builder freshDatabase() {
      this.freshDatabase = true;
      this.database = null;
      return this;
    }

    /** A fresh database when {@code wanted}; none otherwise (a service without one). */
    public Builder freshDatabaseIf(boolean wanted) {
      return wanted ? freshDatabase() : this;
    }

    /** An existing database: a second instance, or a restart on the same data. */
    public Builder database(TestDatabase database) {
      this.database = database;
      this.freshDatabase = false;
      return this;
    }

    /** A fixed port, when the service must know its own address before it starts (default 0). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The kind of application; by default Spring Boot deduces it from the class path. */
    public Builder web(WebApplicationType web) {
      this.web = web;
      return this;
    }

    /** A property; it wins over the harness's own settings and {@code application.yml}. */
    public Builder property(String key, Object value) {
      properties.put(key, value);
      return this;
    }

    public Builder properties(Map<String, ?> more) {
      properties.putAll(more);
      return this;
    }

    public Builder initializer(ApplicationContextInitializer<ConfigurableApplicationContext> one) {
      initializers.add(one);
      return this;
    }

    /** A bean post processor added before any bean is created (to watch handlers, say). */
    public Builder beanPostProcessor(BeanPostProcessor processor) {
      return initializer(context -> context.getBeanFactory().addBeanPostProcessor(processor));
    }

    /**
     * A ready-made singleton, registered before the application's own beans: a test clock backs the
     * runtime's {@code Clock} off, since that one is {@code @ConditionalOnMissingBean}.
     */
    public Builder bean(String beanName, Object singleton) {
      return initializer(
          context -> context.getBeanFactory().registerSingleton(beanName, singleton));
    }

    /** Applies the catalog and creates the database where needed, then starts the service. */
    public ServiceUnderTest start() {
      String catalog = catalog();
      TestDatabase db = freshDatabase ? Infrastructure.createDatabase(name) : database;
      Map<String, Object> all = new LinkedHashMap<>(IsolatedCatalog.springProperties(catalog));
      if (db != null) {
        all.putAll(databaseProperties(db));
      }
      all.put("server.port", port);
      all.put("logging.structured.format.console", "");
      all.putAll(properties);
      SpringApplicationBuilder builder = new SpringApplicationBuilder(application);
      if (web != null) {
        builder.web(web);
      }
      initializers.forEach(builder::initializers);
      return new ServiceUnderTest(builder.run(commandLine(all)), catalog, db);
    }

    private String catalog() {
      if (prefix != null) {
        return prefix;
      }
      Object given = properties.get(PREFIX);
      return given != null ? given.toString() : IsolatedCatalog.apply();
    }
  }
}
