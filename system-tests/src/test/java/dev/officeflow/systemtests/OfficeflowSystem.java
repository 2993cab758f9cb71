package dev.officeflow.systemtests;

import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.EmulatorResources;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.OtlpReceiver;
import dev.officeflow.setuppubsub.Main;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The whole system as ./dev up runs it (the registry, tools/apps.tsv), each application a process
 * from its jar with the registry's JVM options: google-sim, graph-sim, vespa-sim, user, office
 * (tokens from the user service), contacts, vespa-loader and the notifier (and the legacy bridge
 * when a test asks for it), on free ports, under one fresh Pub/Sub catalog prefix, with a {@link
 * FrontDoor} routing one origin to them as the Ingress does (the VIP page's origin), each service
 * with a fresh database, every service logging its spans and exporting them over OTLP to the
 * system's {@link OtlpReceiver} ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, as a deployment sets it), and
 * at debug level the lines of its traced requests and deliveries. Logs in {@code
 * target/system-<time>/}.
 */
final class OfficeflowSystem implements AutoCloseable {

  /**
   * The callers' tokens the services accept under officeflow.environment=local (services-common's
   * officeflow-local-defaults.yml): the operator's (backfill control, consumers) and the office's
   * (the user service's token API).
   */
  static final String OPERATOR_TOKEN = "local-dev-operator-token";

  static final String OFFICE_TOKEN = "local-dev-office-token";

  private final String prefix = IsolatedCatalog.applyForRun();
  private final Path logs;
  private final List<AppProcess> started = new ArrayList<>();
  private final EmulatorPubSub pubsub = new EmulatorPubSub();
  private final OtlpReceiver otlp = OtlpReceiver.start();
  private final EmulatorPubSub.Collector integrations;
  private final int googlePort = AppProcess.freePort();
  private final int graphPort = AppProcess.freePort();
  private final int officePort = AppProcess.freePort();
  private final int vespaPort = AppProcess.freePort();
  private final int userPort = AppProcess.freePort();
  private AppProcess google;
  private AppProcess graph;
  private AppProcess vespa;
  private AppProcess user;
  private AppProcess office;
  private AppProcess contacts;
  private AppProcess vespaLoader;
  private AppProcess notifier;
  private @Nullable AppProcess legacyBridge;
  private FrontDoor frontDoor;
  private TestDatabase contactsDatabase;

  private OfficeflowSystem() throws IOException {
    logs = Files.createDirectories(Path.of("target", "system-" + System.currentTimeMillis()));
    // The tests' own subscription next to the services': what the user service announces.
    String subscription = prefix + "system-tests-integrations";
    pubsub.admin().createSubscription(subscription, prefix + "integrations");
    integrations = pubsub.collect(subscription);
  }

  static OfficeflowSystem start() throws Exception {
    OfficeflowSystem system = new OfficeflowSystem();
    try {
      system.startAll();
      return system;
    } catch (Exception | AssertionError e) {
      // Closing a half-started system may fail too (the emulator gone): keep the first cause.
      try {
        system.close();
      } catch (Exception | AssertionError closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private void startAll() throws IOException {
    Path accounts = logs.resolve("accounts.json");
    Http.JSON.writeValue(accounts.toFile(), SystemAccounts.file());
    google =
        launch(
            "google-sim",
            List.of("--port", "" + googlePort, "--accounts", accounts.toString()),
            googlePort);
    Path graphAccounts = logs.resolve("graph-accounts.json");
    Http.JSON.writeValue(graphAccounts.toFile(), SystemAccounts.graphFile());
    graph =
        launch(
            "graph-sim",
            List.of("--port", "" + graphPort, "--accounts", graphAccounts.toString()),
            graphPort);
    vespa =
        launch(
            "vespa-sim",
            List.of(
                "--port",
                "" + vespaPort,
                "--schemas",
                AppProcess.root().resolve("infra/vespa/schemas").toString()),
            vespaPort);
    user = service("user", userPort, userArgs());
    office = service("office", officePort, officeArgs());
    contacts = service("contacts", AppProcess.freePort(), contactsArgs());
    vespaLoader = service("vespa-loader", AppProcess.freePort(), vespaLoaderArgs());
    notifier = service("notifier", AppProcess.freePort(), List.of(userJwks()));
    started.forEach(AppProcess::awaitReady);
    frontDoor = FrontDoor.start(frontDoorRoutes());
  }

  /**
   * The Ingress's paths (infra/deploy/base/ingress.yaml) and the page's two more: the notifier's
   * stream and tickets, and the search.
   */
  private Map<String, String> frontDoorRoutes() {
    return Map.of(
        "/v1", user.url(""),
        "/v1/stream", notifier.url(""),
        "/v1/stream-tickets", notifier.url(""),
        "/v1/search", vespaLoader.url(""),
        "/onboarding", contacts.url(""),
        "/vip", contacts.url(""),
        "/webhooks", office.url(""));
  }

  private String userJwks() {
    return "--officeflow.security.user-jwt.jwk-set-uri=http://127.0.0.1:"
        + userPort
        + "/.well-known/jwks.json";
  }

  private AppProcess service(String name, int port, List<String> own) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(IsolatedCatalog.commandLine(prefix)));
    args.add("--server.port=" + port);
    args.add("--officeflow.tracing.log-spans=true");
    args.add("--logging.level.dev.officeflow.runtime.consume.MessageProcessor=debug");
    args.add("--logging.level.dev.officeflow.runtime.trace.TraceContextWebFilter=debug");
    args.addAll(own);
    Map<String, String> otel =
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint(), "OTEL_BSP_SCHEDULE_DELAY", "200");
    return launch(name, args, port, otel);
  }

  private AppProcess launch(String name, List<String> args, int port) throws IOException {
    return launch(name, args, port, Map.of());
  }

  private AppProcess launch(
      String name, List<String> args, int port, Map<String, String> environment)
      throws IOException {
    AppProcess process = AppProcess.start(name, args, port, logs, environment);
    started.add(process);
    return process;
  }

  private List<String> userArgs() {
    List<String> args = new ArrayList<>(database("user"));
    args.add("--officeflow.user.google.base-url=http://127.0.0.1:" + googlePort);
    args.add(
        "--officeflow.user.google.redirect-uri=http://127.0.0.1:"
            + userPort
            + "/v1/integrations/google/callback");
    args.add("--officeflow.user.google.frontend-url=http://frontend.test/connected");
    args.add("--officeflow.user.microsoft.base-url=http://127.0.0.1:" + graphPort);
    args.add(
        "--officeflow.user.microsoft.redirect-uri=http://127.0.0.1:"
            + userPort
            + "/v1/integrations/microsoft/callback");
    args.add("--officeflow.user.dev-session.enabled=true");
    return args;
  }

  private List<String> officeArgs() {
    List<String> args = new ArrayList<>(database("office"));
    args.add("--officeflow.office.tokens.source=user-service");
    args.add("--officeflow.office.tokens.user-service-url=http://127.0.0.1:" + userPort);
    args.add("--officeflow.office.google.root-url=http://127.0.0.1:" + googlePort + "/");
    args.add("--officeflow.office.microsoft.graph-url=http://127.0.0.1:" + graphPort + "/v1.0");
    // graph-sim's subscriptions post their handshake and notifications to the office's webhooks.
    args.add(
        "--officeflow.office.streaming.microsoft.webhook-base-url=http://127.0.0.1:" + officePort);
    // Quota buckets live in Redis, which outlives test runs.
    args.add("--officeflow.office.quota.key-prefix=system:" + UUID.randomUUID() + ":");
    args.add("--officeflow.office.backfill.poll-interval=200ms");
    // Progress reported often enough that a page sees a short backfill rise (default 2 s).
    args.add("--officeflow.office.backfill.progress-interval=250ms");
    // A run's step lines, written after its database writes: the trace's log correlation there.
    args.add("--logging.level.dev.officeflow.office.backfill.JobRun=debug");
    return args;
  }

  private List<String> contactsArgs() {
    contactsDatabase = Infrastructure.createDatabase("contacts");
    List<String> args = new ArrayList<>(arguments(contactsDatabase));
    args.add(userJwks());
    return args;
  }

  private List<String> vespaLoaderArgs() {
    return List.of(
        "--officeflow.vespa-loader.feed.endpoints=http://127.0.0.1:" + vespaPort + "/",
        "--officeflow.vespa-loader.search.endpoint=http://127.0.0.1:" + vespaPort + "/",
        userJwks());
  }

  private static List<String> database(String service) {
    return arguments(Infrastructure.createDatabase(service));
  }

  private static List<String> arguments(TestDatabase db) {
    return List.of(
        "--spring.r2dbc.url=" + db.r2dbcUrl(),
        "--spring.r2dbc.username=" + Infrastructure.postgresUser(),
        "--spring.r2dbc.password=" + Infrastructure.postgresPassword(),
        "--spring.flyway.url=" + db.jdbcUrl(),
        "--spring.flyway.user=" + Infrastructure.postgresUser(),
        "--spring.flyway.password=" + Infrastructure.postgresPassword());
  }

  String prefix() {
    return prefix;
  }

  AppProcess google() {
    return google;
  }

  AppProcess graph() {
    return graph;
  }

  AppProcess vespa() {
    return vespa;
  }

  AppProcess user() {
    return user;
  }

  AppProcess office() {
    return office;
  }

  AppProcess contacts() {
    return contacts;
  }

  AppProcess vespaLoader() {
    return vespaLoader;
  }

  AppProcess notifier() {
    return notifier;
  }

  /**
   * The legacy bridge, started on first use with the catalog's legacy group applied under the
   * system's prefix ({@code setup-pubsub --legacy}, as ./dev applies it on request): only the tests
   * of the reference services' deprecated topics need it, and the other runs would pay a tenth JVM
   * start for nothing.
   */
  synchronized AppProcess legacyBridge() {
    if (legacyBridge == null) {
      applyLegacyGroup();
      try {
        legacyBridge = service("legacy-bridge", AppProcess.freePort(), List.of());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      legacyBridge.awaitReady();
    }
    return legacyBridge;
  }

  private void applyLegacyGroup() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    String[] args = {
      "--emulator",
      Infrastructure.pubsubEmulatorHost(),
      "--project",
      Infrastructure.pubsubProjectId(),
      "--prefix",
      prefix,
      "--legacy"
    };
    int exit = Main.run(args, Map.of(), out, out);
    if (exit != 0) {
      throw new IllegalStateException("setup-pubsub --legacy failed (" + exit + "):\n" + output);
    }
  }

  /** The one origin of the page and its APIs, as the Ingress gives them in production. */
  FrontDoor frontDoor() {
    return frontDoor;
  }

  /** The contacts service's database, for tests that check what it counted. */
  TestDatabase contactsDatabase() {
    return contactsDatabase;
  }

  /** Where the services export their spans. */
  OtlpReceiver otlp() {
    return otlp;
  }

  /**
   * The four services of the one-trace and health checks, in the order they start (the notifier, a
   * reader of hints that records nothing, is {@link #notifier()}).
   */
  List<AppProcess> services() {
    return List.of(user, office, contacts, vespaLoader);
  }

  /** What arrived on {@code integrations} so far, as the messages' data. */
  EmulatorPubSub.Collector integrations() {
    return integrations;
  }

  @Override
  public void close() throws InterruptedException {
    if (frontDoor != null) {
      frontDoor.close();
    }
    started.forEach(AppProcess::stop);
    for (AppProcess process : started) {
      process.close();
    }
    integrations.close();
    pubsub.close();
    otlp.close();
    EmulatorResources.delete(prefix);
  }
}
