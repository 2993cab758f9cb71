package dev.officeflow.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Finds the test infrastructure: the environment first, then Testcontainers when Docker runs, else
 * a failure that says what to do; then checks that each endpoint accepts a TCP connection.
 */
final class InfrastructureResolver {

  static final String NO_INFRASTRUCTURE =
      "No test infrastructure: run the tests with ./dev test (it starts the Pub/Sub emulator,"
          + " Redis and PostgreSQL), or export PUBSUB_EMULATOR_HOST, REDIS_URL and"
          + " POSTGRES_HOST/POSTGRES_PORT, or start Docker.";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final Map<String, String> env;
  private final BooleanSupplier dockerAvailable;
  private final Supplier<Endpoints> containers;
  private final Duration connectTimeout;

  InfrastructureResolver(
      Map<String, String> env,
      BooleanSupplier dockerAvailable,
      Supplier<Endpoints> containers,
      Duration connectTimeout) {
    this.env = env;
    this.dockerAvailable = dockerAvailable;
    this.containers = containers;
    this.connectTimeout = connectTimeout;
  }

  /** Reads this JVM's environment and, if needed, starts containers through Testcontainers. */
  static InfrastructureResolver fromSystem() {
    return new InfrastructureResolver(
        System.getenv(),
        ContainerEndpoints::dockerAvailable,
        ContainerEndpoints::start,
        CONNECT_TIMEOUT);
  }

  Endpoints resolve() {
    Optional<Endpoints> fromEnvironment = new EnvironmentEndpoints(env).endpoints();
    if (fromEnvironment.isPresent()) {
      requireReachable(
          fromEnvironment.get(),
          "Start it with ./dev infra (then source the env.sh it writes), or run the tests with"
              + " ./dev test.");
      return fromEnvironment.get();
    }
    if (!dockerAvailable.getAsBoolean()) {
      throw new TestInfrastructureException(NO_INFRASTRUCTURE);
    }
    Endpoints started = containers.get();
    requireReachable(started, "Testcontainers started it, but it does not answer.");
    return started;
  }

  private void requireReachable(Endpoints endpoints, String advice) {
    List<String> unreachable = new ArrayList<>();
    check(endpoints.pubsub(), "Pub/Sub emulator", "PUBSUB_EMULATOR_HOST", unreachable);
    check(endpoints.redis(), "Redis", "REDIS_URL", unreachable);
    check(endpoints.postgres(), "PostgreSQL", "POSTGRES_HOST/POSTGRES_PORT", unreachable);
    if (!unreachable.isEmpty()) {
      throw new TestInfrastructureException(
          "Test infrastructure not reachable: " + String.join("; ", unreachable) + ". " + advice);
    }
  }

  private void check(HostPort endpoint, String part, String setting, List<String> unreachable) {
    try (Socket socket = new Socket()) {
      socket.connect(endpoint.socketAddress(), Math.toIntExact(connectTimeout.toMillis()));
    } catch (IOException e) {
      unreachable.add(part + " at " + endpoint + " (" + setting + "): " + e.getMessage());
    }
  }
}
