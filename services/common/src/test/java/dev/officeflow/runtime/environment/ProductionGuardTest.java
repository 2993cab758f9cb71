package dev.officeflow.runtime.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What the production guard counts as a development default, and that it names every one. */
class ProductionGuardTest {

  private static final Map<String, List<String>> LOCAL =
      Map.of(
          "officeflow.security.credential", List.of("local-dev-office-token"),
          "officeflow.office.google.root-url", List.of("http://127.0.0.1:8090/"),
          "officeflow.user.dev-session.enabled", List.of("true"),
          "spring.cloud.gcp.pubsub.emulator-host", List.of("127.0.0.1:8085"));

  private static final Map<String, Object> REAL =
      Map.of(
          "officeflow.security.credential", "a-real-token",
          "officeflow.office.google.root-url", "https://www.googleapis.com/",
          "officeflow.guard.required", "officeflow.office.tokens.user-service-url",
          "officeflow.office.tokens.user-service-url", "https://user.internal",
          "spring.r2dbc.url", "r2dbc:postgresql://db/office",
          "spring.r2dbc.password", "s3cret");

  private final ProductionGuard guard = new ProductionGuard(new NoLogs());

  @Test
  void withEveryValueRealThereIsNoOffender() {
    assertThat(guard.offenders(environment(REAL), LOCAL)).isEmpty();
  }

  @Test
  void aPropertyAtItsDevelopmentValueIsNamed() {
    assertThat(offenders("officeflow.security.credential", "local-dev-office-token"))
        .containsExactly("officeflow.security.credential has its development value");
  }

  @Test
  void aSimulatorUrlOnThisMachineIsNamedEvenOnAnotherPort() {
    assertThat(offenders("officeflow.office.google.root-url", "http://localhost:9999/"))
        .containsExactly(
            "officeflow.office.google.root-url points at this machine (http://localhost:9999/):"
                + " a simulator");
  }

  @Test
  void theDevLoginIsNamed() {
    assertThat(offenders("officeflow.user.dev-session.enabled", "true"))
        .containsExactly("officeflow.user.dev-session.enabled has its development value");
  }

  @Test
  void aRequiredPropertyThatIsNotSetIsNamed() {
    assertThat(offenders("officeflow.office.tokens.user-service-url", ""))
        .containsExactly("officeflow.office.tokens.user-service-url is not set");
  }

  @Test
  void theEmulatorIsNamedUnlessTheTestOnlyAllowanceSaysOtherwise() {
    assertThat(offenders("spring.cloud.gcp.pubsub.emulator-host", "10.0.0.5:8085"))
        .containsExactly(
            "spring.cloud.gcp.pubsub.emulator-host is set (10.0.0.5:8085): the Pub/Sub emulator");
    assertThat(
            guard.offenders(
                environment(
                    REAL,
                    Map.of(
                        "spring.cloud.gcp.pubsub.emulator-host",
                        "10.0.0.5:8085",
                        ProductionGuard.ALLOW_EMULATOR,
                        "true")),
                LOCAL))
        .isEmpty();
  }

  @Test
  void aDatabaseWithoutAPasswordIsNamedUnlessIamAuthenticationReplacesIt() {
    assertThat(offenders("spring.r2dbc.password", ""))
        .singleElement()
        .asString()
        .startsWith("spring.r2dbc.password is empty");
    assertThat(
            guard.offenders(
                environment(
                    REAL,
                    Map.of("spring.r2dbc.password", "", ProductionGuard.DATABASE_IAM, "true")),
                LOCAL))
        .isEmpty();
  }

  @Test
  void theLocalProfileItselfIsNamed() {
    StandardEnvironment environment = environment(REAL);
    environment.addActiveProfile("local");

    assertThat(guard.offenders(environment, LOCAL))
        .containsExactly("the 'local' profile is active");
  }

  @Test
  void productionIsTheDefaultAndTheMessageListsEveryOffender() {
    StandardEnvironment environment =
        environment(
            REAL,
            Map.of(
                "officeflow.service.name", "office",
                "officeflow.security.credential", "local-dev-office-token",
                "spring.cloud.gcp.pubsub.emulator-host", "127.0.0.1:8085"));

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("officeflow.environment is production")
        .hasMessageContaining("officeflow.security.credential has its development value")
        .hasMessageContaining("spring.cloud.gcp.pubsub.emulator-host is set");
  }

  @Test
  void underLocalTheGuardLetsEverythingThrough() {
    StandardEnvironment environment =
        environment(
            Map.of("officeflow.environment", "local", "officeflow.security.credential", "x"));

    guard.postProcessEnvironment(environment, new SpringApplication());
  }

  @Test
  void anEnvironmentThatIsNeitherIsRefused() {
    assertThatThrownBy(() -> OfficeflowEnvironment.parse("staging"))
        .hasMessageContaining("must be 'local' or 'production'");
  }

  private List<String> offenders(String name, String value) {
    return guard.offenders(environment(REAL, Map.of(name, value)), LOCAL);
  }

  @SafeVarargs
  private static StandardEnvironment environment(Map<String, Object>... layers) {
    StandardEnvironment environment = new StandardEnvironment();
    for (Map<String, Object> layer : layers) {
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource("layer" + System.identityHashCode(layer), layer));
    }
    return environment;
  }

  /** The guard's log, which these tests do not read. */
  private static final class NoLogs implements DeferredLogFactory {
    @Override
    public Log getLog(java.util.function.Supplier<Log> destination) {
      return org.apache.commons.logging.LogFactory.getLog(ProductionGuardTest.class);
    }
  }
}
