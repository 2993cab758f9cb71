package dev.officeflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfrastructureResolverTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Supplier<Endpoints> NO_CONTAINERS =
      () -> {
        throw new AssertionError("containers must not start");
      };

  private ServerSocket pubsub;
  private ServerSocket redis;
  private ServerSocket postgres;

  @BeforeEach
  void listen() throws IOException {
    pubsub = listener();
    redis = listener();
    postgres = listener();
  }

  @AfterEach
  void close() throws IOException {
    pubsub.close();
    redis.close();
    postgres.close();
  }

  private static ServerSocket listener() throws IOException {
    return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  private Map<String, String> environment() {
    return Map.of(
        "PUBSUB_EMULATOR_HOST",
        "127.0.0.1:" + pubsub.getLocalPort(),
        "REDIS_URL",
        "redis://127.0.0.1:" + redis.getLocalPort(),
        "POSTGRES_HOST",
        "127.0.0.1",
        "POSTGRES_PORT",
        Integer.toString(postgres.getLocalPort()));
  }

  private Endpoints listeningEndpoints() {
    return Endpoints.of(
        new HostPort("127.0.0.1", pubsub.getLocalPort()),
        "officeflow-local",
        new HostPort("127.0.0.1", redis.getLocalPort()),
        new HostPort("127.0.0.1", postgres.getLocalPort()),
        "postgres",
        "postgres");
  }

  @Test
  void failsWithInstructionsWhenThereIsNeitherEnvironmentNorDocker() {
    InfrastructureResolver resolver =
        new InfrastructureResolver(Map.of(), () -> false, NO_CONTAINERS, TIMEOUT);

    assertThatThrownBy(resolver::resolve)
        .isInstanceOf(TestInfrastructureException.class)
        .hasMessage(
            "No test infrastructure: run the tests with ./dev test (it starts the Pub/Sub"
                + " emulator, Redis and PostgreSQL), or export PUBSUB_EMULATOR_HOST, REDIS_URL and"
                + " POSTGRES_HOST/POSTGRES_PORT, or start Docker.");
  }

  @Test
  void prefersTheEnvironmentWithoutAskingDocker() {
    InfrastructureResolver resolver =
        new InfrastructureResolver(
            environment(),
            () -> {
              throw new AssertionError("Docker must not be asked");
            },
            NO_CONTAINERS,
            TIMEOUT);

    assertThat(resolver.resolve().redis().port()).isEqualTo(redis.getLocalPort());
  }

  @Test
  void startsContainersWhenOnlyDockerIsThere() {
    Endpoints started = listeningEndpoints();
    InfrastructureResolver resolver =
        new InfrastructureResolver(Map.of(), () -> true, () -> started, TIMEOUT);

    assertThat(resolver.resolve()).isEqualTo(started);
  }

  @Test
  void namesTheEndpointThatDoesNotAnswer() throws IOException {
    int redisPort = redis.getLocalPort();
    redis.close();
    InfrastructureResolver resolver =
        new InfrastructureResolver(environment(), () -> false, NO_CONTAINERS, TIMEOUT);

    assertThatThrownBy(resolver::resolve)
        .isInstanceOf(TestInfrastructureException.class)
        .hasMessageStartingWith(
            "Test infrastructure not reachable: Redis at 127.0.0.1:" + redisPort + " (REDIS_URL)")
        .hasMessageNotContaining("Pub/Sub")
        .hasMessageNotContaining("PostgreSQL")
        .hasMessageEndingWith("or run the tests with ./dev test.");
  }
}
