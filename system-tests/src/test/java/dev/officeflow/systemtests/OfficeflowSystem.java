package dev.officeflow.systemtests;

import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The whole system as ./dev up runs it (the registry, tools/apps.tsv), each application a process
 * from its jar with the registry's JVM options: google-sim, vespa-sim, user, office (tokens from
 * the user service), contacts and vespa-loader, on free ports, under one fresh Pub/Sub catalog
 * prefix, each service with a fresh database, every service logging its spans. Logs in {@code
 * target/system-<time>/}.
 */
final class OfficeflowSystem implements AutoCloseable {

  static final String SERVICE_TOKEN = "system-test-service-token";

  private final String prefix = IsolatedCatalog.apply();
  private final Path logs;
  private final List<AppProcess> started = new ArrayList<>();
  private final EmulatorPubSub pubsub = new EmulatorPubSub();
  private final EmulatorPubSub.Collector integrations;
  private final int googlePort = AppProcess.freePort();
  private final int vespaPort = AppProcess.freePort();
  private final int userPort = AppProcess.freePort();
  private AppProcess google;
  private AppProcess vespa;
  private AppProcess user;
  private AppProcess office;
  private AppProcess contacts;
  private AppProcess vespaLoader;
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
      system.close();
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
    office = service("office", AppProcess.freePort(), officeArgs());
    contacts = service("contacts", AppProcess.freePort(), contactsArgs());
    vespaLoader = service("vespa-loader", AppProcess.freePort(), vespaLoaderArgs());
    started.forEach(AppProcess::awaitReady);
  }

  private AppProcess service(String name, int port, List<String> own) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(IsolatedCatalog.commandLine(prefix)));
    args.add("--server.port=" + port);
    args.add("--officeflow.security.service-tokens=" + SERVICE_TOKEN);
    args.add("--officeflow.tracing.log-spans=true");
    args.addAll(own);
    return launch(name, args, port);
  }

  private AppProcess launch(String name, List<String> args, int port) throws IOException {
    AppProcess process = AppProcess.start(name, args, port, logs);
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
    args.add("--officeflow.user.dev-session.enabled=true");
    return args;
  }

  private List<String> officeArgs() {
    List<String> args = new ArrayList<>(database("office"));
    args.add("--officeflow.office.tokens.source=user-service");
    args.add("--officeflow.office.tokens.user-service-url=http://127.0.0.1:" + userPort);
    args.add("--officeflow.office.google.root-url=http://127.0.0.1:" + googlePort + "/");
    // Quota buckets live in Redis, which outlives test runs.
    args.add("--officeflow.office.quota.key-prefix=system:" + UUID.randomUUID() + ":");
    args.add("--officeflow.office.backfill.poll-interval=200ms");
    return args;
  }

  private List<String> contactsArgs() {
    contactsDatabase = Infrastructure.createDatabase("contacts");
    List<String> args = new ArrayList<>(arguments(contactsDatabase));
    args.add(
        "--officeflow.security.user-jwt.jwk-set-uri=http://127.0.0.1:"
            + userPort
            + "/.well-known/jwks.json");
    return args;
  }

  private List<String> vespaLoaderArgs() {
    return List.of("--officeflow.vespa-loader.feed.endpoints=http://127.0.0.1:" + vespaPort + "/");
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

  /** The contacts service's database, for tests that check what it counted. */
  TestDatabase contactsDatabase() {
    return contactsDatabase;
  }

  /** What arrived on {@code integrations} so far, as the messages' data. */
  EmulatorPubSub.Collector integrations() {
    return integrations;
  }

  @Override
  public void close() throws InterruptedException {
    started.forEach(AppProcess::stop);
    for (AppProcess process : started) {
      process.close();
    }
    integrations.close();
    pubsub.close();
  }
}
