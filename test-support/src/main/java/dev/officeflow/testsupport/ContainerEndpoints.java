package dev.officeflow.testsupport;

import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.gcloud.PubSubEmulatorContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts the infrastructure in Docker for machines without {@code ./dev test}. The containers live
 * until the JVM exits (Testcontainers' reaper removes them).
 */
final class ContainerEndpoints {

  private static final String PUBSUB_IMAGE =
      "gcr.io/google.com/cloudsdktool/google-cloud-cli:emulators";
  private static final String POSTGRES_IMAGE = "postgres:16-alpine";
  private static final String REDIS_IMAGE = "redis:7-alpine";
  private static final int REDIS_PORT = 6379;
  private static final int POSTGRES_PORT = 5432;
  private static final String POSTGRES_USER = "postgres";
  private static final String POSTGRES_PASSWORD = "postgres";

  private ContainerEndpoints() {}

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // the containers live as long as the JVM
  static Endpoints start() {
    PubSubEmulatorContainer pubsub =
        new PubSubEmulatorContainer(DockerImageName.parse(PUBSUB_IMAGE));
    PostgreSQLContainer postgres =
        new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
            .withUsername(POSTGRES_USER)
            .withPassword(POSTGRES_PASSWORD)
            .withCommand("postgres", "-c", "fsync=off");
    GenericContainer<?> redis =
        new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE)).withExposedPorts(REDIS_PORT);
    List<Startable> all = List.of(pubsub, postgres, redis);
    try {
      Startables.deepStart(all).join();
    } catch (RuntimeException e) {
      throw new TestInfrastructureException(
          "Docker is available but the test containers did not start: " + e.getMessage(), e);
    }
    return Endpoints.of(
        HostPort.parse(pubsub.getEmulatorEndpoint(), "the Pub/Sub emulator container"),
        Endpoints.DEFAULT_PROJECT_ID,
        new HostPort(redis.getHost(), redis.getMappedPort(REDIS_PORT)),
        new HostPort(postgres.getHost(), postgres.getMappedPort(POSTGRES_PORT)),
        POSTGRES_USER,
        POSTGRES_PASSWORD);
  }
}
