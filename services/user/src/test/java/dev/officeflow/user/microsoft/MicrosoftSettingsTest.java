package dev.officeflow.user.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MicrosoftSettingsTest {

  private static final String WORK_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  @Test
  void withoutAClientIdMicrosoftIsNotOfferedAndNeedsNothingElse() {
    MicrosoftSettings settings = bind(Map.of());

    assertThat(settings.enabled()).isFalse();
    assertThat(settings.tenant()).isEqualTo("common");
  }

  @Test
  void everyEndpointIsTheTenantsOnTheIdentityPlatformByDefault() {
    MicrosoftSettings settings = bind(client());

    assertThat(settings.authorizationEndpoint())
        .isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/authorize");
    assertThat(settings.tokenEndpoint())
        .isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/token");
    assertThat(settings.jwkSetEndpoint())
        .isEqualTo("https://login.microsoftonline.com/common/discovery/v2.0/keys");
    assertThat(settings.issuerOf(WORK_TENANT))
        .isEqualTo("https://login.microsoftonline.com/" + WORK_TENANT + "/v2.0");
  }

  @Test
  void aBaseUrlWithATrailingSlashMovesEveryEndpointToTheSimulator() {
    Map<String, String> properties = client();
    properties.put("base-url", "http://127.0.0.1:8091/");
    MicrosoftSettings settings = bind(properties);

    assertThat(settings.tokenEndpoint())
        .isEqualTo("http://127.0.0.1:8091/common/oauth2/v2.0/token");
    assertThat(settings.issuerOf(WORK_TENANT))
        .isEqualTo("http://127.0.0.1:8091/" + WORK_TENANT + "/v2.0");
  }

  @Test
  void theBrowsersAuthorizeEndpointMayBeNamedApartFromTheServicesCalls() {
    Map<String, String> properties = client();
    properties.put("base-url", "http://graph-sim:8091");
    properties.put("authorization-uri", "http://localhost:8091/common/oauth2/v2.0/authorize");
    MicrosoftSettings settings = bind(properties);

    assertThat(settings.authorizationEndpoint())
        .isEqualTo("http://localhost:8091/common/oauth2/v2.0/authorize");
    assertThat(settings.tokenEndpoint())
        .isEqualTo("http://graph-sim:8091/common/oauth2/v2.0/token");
  }

  @Test
  void theTenantDecidesWhoseAccountsAreAdmitted() {
    String personal = MicrosoftSettings.PERSONAL_ACCOUNTS_TENANT;

    assertThat(withTenant("common").admits(WORK_TENANT)).isTrue();
    assertThat(withTenant("common").admits(personal)).isTrue();
    assertThat(withTenant("common").admits("not-a-tenant-id")).isFalse();
    assertThat(withTenant("organizations").admits(WORK_TENANT)).isTrue();
    assertThat(withTenant("organizations").admits(personal)).isFalse();
    assertThat(withTenant("consumers").admits(personal)).isTrue();
    assertThat(withTenant("consumers").admits(WORK_TENANT)).isFalse();
    assertThat(withTenant(WORK_TENANT.toUpperCase()).admits(WORK_TENANT)).isTrue();
    assertThat(withTenant(WORK_TENANT).admits(personal)).isFalse();
  }

  @Test
  void aTenantDomainIsRefusedBecauseTheIssuerCheckNeedsItsId() {
    assertThatThrownBy(() -> withTenant("contoso.onmicrosoft.com"))
        .isInstanceOf(BindException.class)
        .hasStackTraceContaining("tenant must be common, organizations, consumers or a tenant id");
  }

  @Test
  void aClientIdWithoutSecretOrRedirectUriIsRefusedNamingWhatIsMissing() {
    Map<String, String> noSecret = client();
    noSecret.remove("client-secret");
    Map<String, String> noRedirect = client();
    noRedirect.remove("redirect-uri");

    assertThatThrownBy(() -> bind(noSecret))
        .hasStackTraceContaining("officeflow.user.microsoft.client-secret is required");
    assertThatThrownBy(() -> bind(noRedirect))
        .hasStackTraceContaining("officeflow.user.microsoft.redirect-uri is required");
  }

  @Test
  void scopesWithoutOfflineAccessAreRefusedWhenMicrosoftIsOffered() {
    Map<String, String> properties = client();
    properties.put("scopes", "openid,Mail.Read");

    assertThatThrownBy(() -> bind(properties)).hasStackTraceContaining("offline_access");
  }

  @Test
  void graphScopesAreKeptInTheirShortForm() {
    assertThat(
            MicrosoftScopes.parse(
                "openid https://graph.microsoft.com/Mail.Read Mail.Read  profile"
                    + " https://graph.microsoft.com/Calendars.Read"))
        .containsExactly("openid", "Mail.Read", "profile", "Calendars.Read");
  }

  private static MicrosoftSettings withTenant(String tenant) {
    Map<String, String> properties = client();
    properties.put("tenant", tenant);
    return bind(properties);
  }

  private static Map<String, String> client() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("client-id", "2f5c0b8e-6a4c-4a1e-9d3b-0c7e1a2b3c4d");
    properties.put("client-secret", "secret");
    properties.put(
        "redirect-uri", "https://officeflow.example.com/v1/integrations/microsoft/callback");
    return properties;
  }

  private static MicrosoftSettings bind(Map<String, String> properties) {
    Map<String, String> prefixed = new LinkedHashMap<>();
    properties.forEach((k, v) -> prefixed.put("officeflow.user.microsoft." + k, v));
    return new Binder(new MapConfigurationPropertySource(prefixed))
        .bindOrCreate("officeflow.user.microsoft", MicrosoftSettings.class);
  }
}
