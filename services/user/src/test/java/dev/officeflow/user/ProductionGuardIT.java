package dev.officeflow.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.testing.UserFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The user service under {@code officeflow.environment=production}: with every setting real it
 * starts (offering Microsoft only when its client id is set); with any one development default (the
 * local profile's client secrets or encryption key, no signing key, the demo login, google-sim's or
 * graph-sim's address) it refuses to start and names it.
 */
@IntegrationTest
class ProductionGuardIT {

  /** The public development key of the local profile. */
  private static final String DEV_ENCRYPTION_KEY = "b2ZmaWNlZmxvdy1kZXYta2V5LW5vdC1hLXNlY3JldCE=";

  @Test
  void withEverySettingRealTheServiceStartsWithoutMicrosoftWhenNoClientIdIsSet() throws Exception {
    try (ServiceUnderTest user =
        ServiceUnderTest.of(UserApplication.class).freshDatabase().properties(real()).start()) {
      assertThat(user.bean(ReactiveJwtDecoder.class)).isNotNull();
      assertThat(user.bean(OAuthProviders.class).find("microsoft")).isEmpty();
      HttpResponse<String> signIn =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(user.baseUrl() + "/v1/sessions/microsoft"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"id_token\":\"x\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(signIn.statusCode()).isEqualTo(404);
      assertThat(signIn.body()).contains("provider_not_offered");
    }
  }

  @Test
  void withMicrosoftsRealSettingsTheServiceStartsOfferingIt() {
    Map<String, Object> properties = real();
    properties.putAll(microsoft());
    try (ServiceUnderTest user =
        ServiceUnderTest.of(UserApplication.class).freshDatabase().properties(properties).start()) {
      assertThat(user.bean(OAuthProviders.class).find("microsoft")).isPresent();
    }
  }

  @Test
  void aMicrosoftClientIdWithoutItsSecretStopsTheStartNamingIt() {
    Map<String, Object> properties = real();
    properties.putAll(microsoft());
    properties.remove("officeflow.user.microsoft.client-secret");

    assertThatThrownBy(
            () ->
                ServiceUnderTest.of(UserApplication.class)
                    .catalog("guard-never-applied-")
                    .properties(properties)
                    .start())
        .hasStackTraceContaining("officeflow.user.microsoft.client-secret is required");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("developmentDefaults")
  void aDevelopmentDefaultStopsTheStartNamingIt(
      String what, Map<String, Object> change, List<String> removed, String offender) {
    Map<String, Object> properties = real();
    removed.forEach(properties::remove);
    properties.putAll(change);

    assertThatThrownBy(
            () ->
                ServiceUnderTest.of(UserApplication.class)
                    .catalog("guard-never-applied-")
                    .properties(properties)
                    .start())
        .hasMessageContaining("officeflow.environment is production")
        .hasMessageContaining(offender);
  }

  static Stream<Arguments> developmentDefaults() {
    return Stream.of(
        Arguments.of(
            "the local client secret",
            Map.of("officeflow.user.google.client-secret", "local-dev-client-secret"),
            List.of(),
            "officeflow.user.google.client-secret has its development value"),
        Arguments.of(
            "the local token-encryption key",
            Map.of(
                "officeflow.user.token-encryption.keys.dev-insecure",
                DEV_ENCRYPTION_KEY,
                "officeflow.user.token-encryption.current-key-id",
                "dev-insecure"),
            List.of(),
            "officeflow.user.token-encryption.keys.dev-insecure has its development value"),
        Arguments.of(
            "a generated JWT signing key (none configured)",
            Map.of(),
            List.of("officeflow.user.session.keys.k1", "officeflow.user.session.current-key-id"),
            "officeflow.user.session.keys is not set"),
        Arguments.of(
            "the demo login",
            Map.of("officeflow.user.dev-session.enabled", "true"),
            List.of(),
            "officeflow.user.dev-session.enabled has its development value"),
        Arguments.of(
            "google-sim's address (on any port)",
            Map.of("officeflow.user.google.base-url", "http://localhost:18090"),
            List.of(),
            "officeflow.user.google.base-url points at this machine"),
        Arguments.of(
            "the local Microsoft client secret",
            withMicrosoft(
                Map.of("officeflow.user.microsoft.client-secret", "local-dev-client-secret")),
            List.of(),
            "officeflow.user.microsoft.client-secret has its development value"),
        Arguments.of(
            "graph-sim's address",
            withMicrosoft(Map.of("officeflow.user.microsoft.base-url", "http://localhost:18091")),
            List.of(),
            "officeflow.user.microsoft.base-url points at this machine"));
  }

  /** A real Microsoft app registration's settings. */
  private static Map<String, Object> microsoft() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("officeflow.user.microsoft.client-id", "2f5c0b8e-6a4c-4a1e-9d3b-0c7e1a2b3c4d");
    properties.put("officeflow.user.microsoft.client-secret", "a-real-microsoft-secret");
    properties.put(
        "officeflow.user.microsoft.redirect-uri",
        "https://officeflow.example.com/v1/integrations/microsoft/callback");
    return properties;
  }

  private static Map<String, Object> withMicrosoft(Map<String, Object> change) {
    Map<String, Object> properties = microsoft();
    properties.putAll(change);
    return properties;
  }

  /**
   * Production settings as a deployment gives them; the test-only allowances are the Pub/Sub
   * emulator and the test database's user without a password.
   */
  private static Map<String, Object> real() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("officeflow.environment", "production");
    properties.put("officeflow.guard.allow-emulator", true);
    properties.put("officeflow.guard.database-iam-authentication", true);
    properties.put("officeflow.security.callers.office", "a-real-office-token");
    properties.put("officeflow.user.google.client-id", "1234-prod.apps.googleusercontent.com");
    properties.put("officeflow.user.google.client-secret", "a-real-client-secret");
    properties.put(
        "officeflow.user.google.redirect-uri",
        "https://officeflow.example.com/v1/integrations/google/callback");
    properties.put(
        "officeflow.user.google.frontend-url", "https://officeflow.example.com/vip/index.html");
    properties.put("officeflow.user.token-encryption.keys.k1", UserFixtures.aesKey());
    properties.put("officeflow.user.token-encryption.current-key-id", "k1");
    properties.putAll(UserFixtures.sessionKeys("k1", Map.of("k1", UserFixtures.rsaPem())));
    return properties;
  }
}
