package dev.officeflow.contacts;

import dev.officeflow.runtime.testing.ProductionGuardContract;
import dev.officeflow.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

/** Contacts in production: it starts with real settings, and refuses each development default. */
@IntegrationTest
class ProductionStartIT extends ProductionGuardContract {

  private static final String PRODUCTION_ADDRESS_KEY =
      Base64.getEncoder()
          .encodeToString("a-production-address-key-32-byte".getBytes(StandardCharsets.UTF_8));

  @Override
  protected Class<?> application() {
    return ContactsApplication.class;
  }

  @Override
  protected Map<String, Object> realSettings() {
    return Map.of(
        "officeflow.security.user-jwt.jwk-set-uri",
            "https://user.officeflow.example/.well-known/jwks.json",
        "officeflow.contacts.address.hash-key", "a-production-contacts-hash-key",
        "officeflow.contacts.address.encryption.keys.k1", PRODUCTION_ADDRESS_KEY,
        "officeflow.contacts.address.encryption.current-key-id", "k1",
        "officeflow.security.callers.operator", "a-production-operator-credential");
  }

  @Override
  protected Stream<Offender> developmentDefaults() {
    return Stream.of(
        offender(
            "officeflow.contacts.address.hash-key",
            "officeflow-local-contacts-hash-key",
            "officeflow.contacts.address.hash-key has its development value"),
        offender(
            "officeflow.contacts.address.hash-key",
            "",
            "officeflow.contacts.address.hash-key is not set"),
        offender(
            "officeflow.contacts.address.encryption.keys.dev-insecure",
            "b2ZmaWNlZmxvdy1sb2NhbC1hZGRyZXNzLWtleS0zMiE=",
            "officeflow.contacts.address.encryption.keys.dev-insecure has its development value"),
        offender(
            "officeflow.contacts.address.encryption.current-key-id",
            "dev-insecure",
            "officeflow.contacts.address.encryption.current-key-id has its development value"),
        offender(
            "officeflow.contacts.address.encryption.keys.k1",
            "",
            "officeflow.contacts.address.encryption.keys is not set"),
        offender(
            "officeflow.contacts.address.encryption.current-key-id",
            "",
            "officeflow.contacts.address.encryption.current-key-id is not set"),
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "http://127.0.0.1:8081/.well-known/jwks.json",
            "officeflow.security.user-jwt.jwk-set-uri has its development value"),
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "http://localhost:9999/keys",
            "points at this machine"),
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "",
            "officeflow.security.user-jwt.jwk-set-uri is not set"),
        offender(
            "officeflow.security.callers.operator",
            "local-dev-operator-token",
            "officeflow.security.callers.operator has its development value"),
        offender("officeflow.guard.allow-emulator", false, "the Pub/Sub emulator"),
        offender(
            "officeflow.guard.database-iam-authentication",
            false,
            "spring.r2dbc.password is empty"));
  }
}
