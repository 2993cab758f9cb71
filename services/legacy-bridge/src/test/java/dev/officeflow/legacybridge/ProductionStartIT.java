package dev.officeflow.legacybridge;

import dev.officeflow.legacybridge.testing.LegacyCatalog;
import dev.officeflow.runtime.environment.ProductionGuard;
import dev.officeflow.runtime.testing.ProductionGuardContract;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;

/** The bridge in production: it starts with real settings, and refuses each development one. */
@IntegrationTest
class ProductionStartIT extends ProductionGuardContract {

  @Override
  protected Class<?> application() {
    return LegacyBridgeApplication.class;
  }

  @Override
  protected Map<String, Object> realSettings() {
    return Map.of(
        "officeflow.security.credential", "a-production-legacy-bridge-credential",
        "officeflow.security.callers.operator", "a-production-operator-credential");
  }

  @Override
  protected boolean usesDatabase() {
    return false;
  }

  /** As the contract starts it, on a catalog with the legacy group, which the bridge reads. */
  @Override
  protected ServiceUnderTest start(Map<String, Object> overrides) {
    Map<String, Object> properties = new LinkedHashMap<>(realSettings());
    properties.put("officeflow.environment", "production");
    properties.put(ProductionGuard.ALLOW_EMULATOR, true);
    properties.putAll(overrides);
    return ServiceUnderTest.of(application())
        .catalog(LegacyCatalog.apply())
        .web(WebApplicationType.REACTIVE)
        .properties(properties)
        .start();
  }

  @Override
  protected Stream<Offender> developmentDefaults() {
    return Stream.of(
        offender(
            "officeflow.security.credential",
            "local-dev-legacy-bridge-token",
            "officeflow.security.credential has its development value"),
        offender(
            "officeflow.security.callers.operator",
            "local-dev-operator-token",
            "officeflow.security.callers.operator has its development value"),
        offender("officeflow.guard.allow-emulator", false, "the Pub/Sub emulator"));
  }
}
