package dev.officeflow.bench.streaming;

import dev.officeflow.contacts.ContactsApplication;
import dev.officeflow.office.OfficeApplication;
import dev.officeflow.vespaloader.VespaLoaderApplication;
import dev.officeflow.vespasim.VespaSim;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The office, vespa-loader and contacts services in the benchmark's JVM, on the bench's
 * infrastructure and catalog prefix. They share one classpath, where the office's {@code
 * application.yml} and both services' {@code db/migration} folders meet, so each one gets its
 * settings and its own migrations (from the source tree) as arguments.
 */
final class InJvmServices {

  /** Spring Security's reactive auto-configurations and services-common's chains. */
  private static final List<String> SECURITY =
      List.of(
          "dev.officeflow.runtime.security.WebSecurityAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
          "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration");

  private final Path root;
  private final String prefix;
  private final UnaryOperator<String> env;

  /** {@code env} reads a required variable of the bench infrastructure's {@code env.sh}. */
  InJvmServices(Path root, String prefix, UnaryOperator<String> env) {
    this.root = root;
    this.prefix = prefix;
    this.env = env;
  }

  /**
   * The office on {@code port}, which the caller chose (see {@link #freePort()}): the simulators
   * post notifications to webhook addresses that must name the port the office really listens on.
   * {@code providerArgs} point it at each provider's simulator.
   */
  ConfigurableApplicationContext office(int port, List<String> providerArgs) {
    List<String> args = common("office", "office", port);
    args.add("--officeflow.office.quota.key-prefix=bench:" + UUID.randomUUID() + ":");
    // Alone, the office has no Spring Security; here the contacts service brings it onto the
    // shared classpath, and its user-JWT chain would refuse the public webhooks (401).
    args.add("--spring.autoconfigure.exclude=" + String.join(",", SECURITY));
    args.addAll(providerArgs);
    return run(OfficeApplication.class, args);
  }

  /** vespa-loader on the office's database, where it has nothing to migrate. */
  ConfigurableApplicationContext vespaLoader(VespaSim vespa) {
    List<String> args = common("office", "office", 0);
    args.addAll(
        List.of(
            "--spring.application.name=vespa-loader",
            "--officeflow.service.name=vespa-loader",
            "--officeflow.office.streaming.gmail.enabled=false",
            "--officeflow.vespa-loader.feed.endpoints=http://127.0.0.1:" + vespa.port() + "/",
            "--officeflow.vespa-loader.feed.compression=none"));
    return run(VespaLoaderApplication.class, args);
  }

  /**
   * The contacts service on its own database (which {@code ./dev infra} creates). The onboarding
   * API is not called, so the user service's key set, read only on the first token, is never
   * fetched.
   */
  ConfigurableApplicationContext contacts() {
    List<String> args = common("contacts", "contacts", 0);
    args.addAll(
        List.of(
            "--spring.application.name=contacts",
            "--officeflow.service.name=contacts",
            "--officeflow.security.user-jwt.jwk-set-uri=http://127.0.0.1:1/unused/jwks.json",
            // The contacts service's application-local.yml, which would give its development
            // key, is hidden behind the office's on the shared classpath.
            "--officeflow.contacts.address.hash-key=bench-streaming-contacts-hash-key"));
    return run(ContactsApplication.class, args);
  }

  /** The JDBC address of the office's database. */
  String officeJdbcUrl() {
    return "jdbc:postgresql://" + database("office");
  }

  /** The JDBC address of the contacts service's database. */
  String contactsJdbcUrl() {
    return "jdbc:postgresql://" + database("contacts");
  }

  private List<String> common(String database, String migrationsOf, int port) {
    String postgres = database(database);
    return new ArrayList<>(
        List.of(
            "--server.port=" + port,
            "--spring.cloud.gcp.pubsub.emulator-host=" + env.apply("PUBSUB_EMULATOR_HOST"),
            "--spring.cloud.gcp.project-id=" + env.apply("PUBSUB_PROJECT_ID"),
            "--officeflow.pubsub.prefix=" + prefix,
            "--officeflow.redis.url=" + env.apply("REDIS_URL"),
            "--spring.r2dbc.url=r2dbc:postgresql://" + postgres,
            "--spring.flyway.url=jdbc:postgresql://" + postgres,
            "--spring.flyway.locations=" + migrations(migrationsOf),
            "--logging.level.root=WARN"));
  }

  private String database(String service) {
    return env.apply("POSTGRES_HOST") + ":" + env.apply("POSTGRES_PORT") + "/officeflow_" + service;
  }

  /**
   * One service's Flyway migrations, from the source tree: on the shared classpath {@code
   * classpath:db/migration} holds the office's and the contacts service's, both from V1 up. Each
   * also gets services-common's repeatable ones ({@code forgotten_users}), which it otherwise finds
   * on the classpath beside its own.
   */
  private String migrations(String service) {
    return folder("services/" + service) + "," + folder("services/common");
  }

  private String folder(String module) {
    return "filesystem:"
        + root.resolve(module + "/src/main/resources/db/migration").toAbsolutePath();
  }

  private static ConfigurableApplicationContext run(Class<?> application, List<String> args) {
    return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
  }

  /** A port free now, for a server that must be told its address before it starts. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
