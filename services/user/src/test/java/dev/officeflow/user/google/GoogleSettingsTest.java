package dev.officeflow.user.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class GoogleSettingsTest {

  @Test
  void withoutABaseUrlEveryEndpointIsGooglesOwn() {
    GoogleSettings settings = settings("", "", List.of("openid"));

    assertThat(settings.authorizationEndpoint())
        .isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
    assertThat(settings.tokenEndpoint()).isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(settings.revokeEndpoint()).isEqualTo("https://oauth2.googleapis.com/revoke");
    assertThat(settings.userinfoEndpoint())
        .isEqualTo("https://openidconnect.googleapis.com/v1/userinfo");
    assertThat(settings.jwkSetEndpoint()).isEqualTo("https://www.googleapis.com/oauth2/v3/certs");
    assertThat(settings.issuers())
        .containsExactly("https://accounts.google.com", "accounts.google.com");
  }

  @Test
  void aBaseUrlMovesEveryEndpointAndTheIssuerToTheSimulator() {
    GoogleSettings settings = settings("http://127.0.0.1:8090/", "", List.of("openid"));

    assertThat(settings.authorizationEndpoint())
        .isEqualTo("http://127.0.0.1:8090/o/oauth2/v2/auth");
    assertThat(settings.tokenEndpoint()).isEqualTo("http://127.0.0.1:8090/token");
    assertThat(settings.revokeEndpoint()).isEqualTo("http://127.0.0.1:8090/revoke");
    assertThat(settings.userinfoEndpoint()).isEqualTo("http://127.0.0.1:8090/oauth2/v3/userinfo");
    assertThat(settings.jwkSetEndpoint()).isEqualTo("http://127.0.0.1:8090/oauth2/v3/certs");
    assertThat(settings.issuers()).containsExactly("http://127.0.0.1:8090");
  }

  @Test
  void anOverrideWinsOverTheBaseUrl() {
    GoogleSettings settings =
        settings("http://127.0.0.1:8090", "https://oauth2.googleapis.com/token", List.of("email"));

    assertThat(settings.tokenEndpoint()).isEqualTo("https://oauth2.googleapis.com/token");
  }

  @Test
  void gmailMetadataTogetherWithABroaderGmailScopeIsRefused() {
    assertThatThrownBy(
            () ->
                settings(
                    "http://g",
                    "",
                    List.of(GoogleScopes.GMAIL_METADATA, GoogleScopes.GMAIL_READONLY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gmail.metadata");
  }

  @Test
  void gmailMetadataAloneIsAllowed() {
    assertThat(settings("http://g", "", List.of(GoogleScopes.GMAIL_METADATA)).scopes())
        .containsExactly(GoogleScopes.GMAIL_METADATA);
  }

  @Test
  void byDefaultTheAddressBookIsAskedForBesideMailAndCalendar() {
    GoogleSettings settings =
        new Binder(
                new MapConfigurationPropertySource(Map.of("officeflow.user.google.client-id", "c")))
            .bindOrCreate("officeflow.user.google", GoogleSettings.class);

    assertThat(settings.scopes())
        .containsExactly(
            "openid",
            "email",
            GoogleScopes.GMAIL_READONLY,
            GoogleScopes.CALENDAR_READONLY,
            GoogleScopes.CONTACTS_READONLY,
            GoogleScopes.OTHER_CONTACTS_READONLY);
  }

  private static GoogleSettings settings(String baseUrl, String tokenUri, List<String> scopes) {
    return new GoogleSettings(
        baseUrl,
        "",
        tokenUri,
        "",
        "",
        "",
        "",
        "client",
        "secret",
        "https://officeflow.example.com/v1/integrations/google/callback",
        "https://officeflow.example.com/",
        scopes,
        Duration.ofMinutes(10),
        Duration.ofSeconds(10));
  }
}
