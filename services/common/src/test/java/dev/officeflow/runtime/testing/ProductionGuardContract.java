package dev.officeflow.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.runtime.environment.ProductionGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;

/**
 * A service in production (ARCHITECTURE §8): with every setting real it starts; with any one
 * development default it refuses to start and names it. A service's {@code ProductionStartIT}
 * extends this with its application, its real settings and its development defaults. The Pub/Sub
 * endpoint stays the test emulator through the test-only allowance, and the test database's
 * password-less user through the IAM-authentication switch, both of which a real deployment may set
 * for real.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProductionGuardContract {

  /** One development default: the property, the value, and what the refusal says of it. */
  public record Offender(String property, String value, String named) {
    @Override
    public String toString() {
      return property + "=" + value;
    }
  }

  protected abstract Class<?> application();

  /** What production sets for this service (besides the infrastructure the harness points at). */
  protected abstract Map<String, Object> realSettings();

  /** Each development default to try alone. */
  protected abstract Stream<Offender> developmentDefaults();

  @Test
  void withEverySettingRealTheServiceStartsAndReportsTheTestOnlyAllowance() {
    try (ServiceUnderTest service = start(Map.of())) {
      assertThat(service.context().isActive()).isTrue();
      assertThat(service.context().getEnvironment().getActiveProfiles()).doesNotContain("local");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("developmentDefaults")
  void anyDevelopmentDefaultAloneStopsTheServiceAndIsNamed(Offender offender) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(offender.property(), offender.value());
    assertThatThrownBy(() -> start(one).close())
        .hasStackTraceContaining("officeflow.environment is production")
        .hasStackTraceContaining(offender.named());
  }

  /** The service in production with the real settings and {@code overrides} over them. */
  protected ServiceUnderTest start(Map<String, Object> overrides) {
    Map<String, Object> properties = new LinkedHashMap<>(realSettings());
    properties.put("officeflow.environment", "production");
    properties.put(ProductionGuard.ALLOW_EMULATOR, true);
    properties.put(ProductionGuard.DATABASE_IAM, true);
    properties.putAll(overrides);
    return ServiceUnderTest.of(application())
        .web(WebApplicationType.REACTIVE)
        .freshDatabaseIf(usesDatabase())
        .properties(properties)
        .start();
  }

  /** Whether the service has a database (vespa-loader has none). */
  protected boolean usesDatabase() {
    return true;
  }

  protected static Offender offender(String property, Object value, String named) {
    return new Offender(property, String.valueOf(value), named);
  }
}
