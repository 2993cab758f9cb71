package dev.officeflow.notifier;

import dev.officeflow.runtime.testing.ProductionGuardContract;
import dev.officeflow.testsupport.IntegrationTest;
import java.util.Map;
import java.util.stream.Stream;

/** The notifier in production: it starts with real settings, and refuses each development one. */
@IntegrationTest
class ProductionStartIT extends ProductionGuardContract {

  @Override
  protected Class<?> application() {
    return NotifierApplication.class;
  }

  @Override
  protected Map<String, Object> realSettings() {
    return Map.of(
        "officeflow.security.user-jwt.jwk-set-uri",
            "https://user.officeflow.example/.well-known/jwks.json",
        "officeflow.security.callers.operator", "a-production-operator-credential");
  }

  @Override
  protected boolean usesDatabase() {
    return false;
  }

  @Override
  protected Stream<Offender> developmentDefaults() {
    return Stream.of(
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "http://127.0.0.1:8081/.well-known/jwks.json",
            "officeflow.security.user-jwt.jwk-set-uri has its development value"),
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "",
            "officeflow.security.user-jwt.jwk-set-uri is not set"),
        offender(
            "officeflow.security.callers.operator",
            "local-dev-operator-token",
            "officeflow.security.callers.operator has its development value"),
        offender("officeflow.guard.allow-emulator", false, "the Pub/Sub emulator"));
  }
}
