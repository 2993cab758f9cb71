package dev.officeflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentEndpointsTest {

  private static Map<String, String> devTestEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PUBSUB_EMULATOR_HOST", "127.0.0.1:18085");
    env.put("PUBSUB_PROJECT_ID", "officeflow-test");
    env.put("REDIS_URL", "redis://127.0.0.1:16379");
    env.put("POSTGRES_HOST", "127.0.0.1");
    env.put("POSTGRES_PORT", "15432");
    env.put("POSTGRES_USER", "officeflow");
    env.put("POSTGRES_PASSWORD", "");
    return env;
  }

  private static Endpoints endpoints(Map<String, String> env) {
    return new EnvironmentEndpoints(env).endpoints().orElseThrow();
  }

  @Test
  void readsEveryEndpointThatDevTestExports() {
    Endpoints endpoints = endpoints(devTestEnvironment());

    assertThat(endpoints.pubsub()).isEqualTo(new HostPort("127.0.0.1", 18085));
    assertThat(endpoints.pubsubProjectId()).isEqualTo("officeflow-test");
    assertThat(endpoints.redisUri()).isEqualTo("redis://127.0.0.1:16379");
    assertThat(endpoints.redis()).isEqualTo(new HostPort("127.0.0.1", 16379));
    assertThat(endpoints.postgres()).isEqualTo(new HostPort("127.0.0.1", 15432));
    assertThat(endpoints.postgresUser()).isEqualTo("officeflow");
    assertThat(endpoints.postgresPassword()).isEmpty();
  }

  @Test
  void defaultsTheProjectPortsUserAndPassword() {
    Endpoints endpoints =
        endpoints(
            Map.of(
                "PUBSUB_EMULATOR_HOST", "localhost:8085",
                "REDIS_URL", "redis://localhost",
                "POSTGRES_HOST", "localhost"));

    assertThat(endpoints.pubsubProjectId()).isEqualTo("officeflow-local");
    assertThat(endpoints.redis()).isEqualTo(new HostPort("localhost", 6379));
    assertThat(endpoints.postgres()).isEqualTo(new HostPort("localhost", 5432));
    assertThat(endpoints.postgresUser()).isEqualTo("postgres");
    assertThat(endpoints.postgresPassword()).isEmpty();
  }

  @Test
  void keepsARedisUrlWithCredentialsAsGiven() {
    Map<String, String> env = devTestEnvironment();
    env.put("REDIS_URL", "redis://:secret@cache.local:6400/2");

    Endpoints endpoints = endpoints(env);

    assertThat(endpoints.redisUri()).isEqualTo("redis://:secret@cache.local:6400/2");
    assertThat(endpoints.redis()).isEqualTo(new HostPort("cache.local", 6400));
  }

  @Test
  void findsNothingWhenNoEndpointIsSetOrOnlyBlanks() {
    Map<String, String> env = Map.of("PUBSUB_EMULATOR_HOST", " ", "PUBSUB_PROJECT_ID", "p");

    assertThat(new EnvironmentEndpoints(env).endpoints()).isEmpty();
  }

  @Test
  void namesTheMissingVariablesWhenOnlySomeAreSet() {
    Map<String, String> env = Map.of("PUBSUB_EMULATOR_HOST", "127.0.0.1:8085");

    assertThatThrownBy(() -> new EnvironmentEndpoints(env).endpoints())
        .isInstanceOf(TestInfrastructureException.class)
        .hasMessageStartingWith(
            "Incomplete test infrastructure settings: REDIS_URL, POSTGRES_HOST");
  }

  @Test
  void rejectsAnEmulatorHostWithoutPort() {
    Map<String, String> env = devTestEnvironment();
    env.put("PUBSUB_EMULATOR_HOST", "127.0.0.1");

    assertThatThrownBy(() -> endpoints(env))
        .isInstanceOf(TestInfrastructureException.class)
        .hasMessageContaining("PUBSUB_EMULATOR_HOST='127.0.0.1'");
  }

  @Test
  void rejectsARedisUrlWithAnotherScheme() {
    Map<String, String> env = devTestEnvironment();
    env.put("REDIS_URL", "http://127.0.0.1:6379");

    assertThatThrownBy(() -> endpoints(env))
        .isInstanceOf(TestInfrastructureException.class)
        .hasMessageContaining("REDIS_URL='http://127.0.0.1:6379'");
  }

  @Test
  void rejectsAPostgresPortThatIsNotANumber() {
    Map<String, String> env = devTestEnvironment();
    env.put("POSTGRES_PORT", "five");

    assertThatThrownBy(() -> endpoints(env))
        .isInstanceOf(TestInfrastructureException.class)
        .hasMessageContaining("POSTGRES_PORT='five'");
  }

  @Test
  void readsABracketedIpv6EmulatorHost() {
    Map<String, String> env = devTestEnvironment();
    env.put("PUBSUB_EMULATOR_HOST", "[::1]:8085");

    HostPort pubsub = endpoints(env).pubsub();

    assertThat(pubsub).isEqualTo(new HostPort("::1", 8085));
    assertThat(pubsub).hasToString("[::1]:8085");
  }
}
