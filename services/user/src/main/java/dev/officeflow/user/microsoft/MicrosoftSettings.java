package dev.officeflow.user.microsoft;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft as OAuth and OpenID Connect provider ({@code officeflow.user.microsoft.*}). Offered
 * only when {@code client-id} is set: a deployment without it starts without Microsoft, and
 * Microsoft's routes answer 404 {@code provider_not_offered}. With a client id, the secret and the
 * redirect URI are required (the start fails naming the missing one). The {@code local} profile
 * points the base URL at graph-sim.
 *
 * @param baseUrl the identity platform's authority host ({@code MICROSOFT_OAUTH_BASE_URL}); default
 *     {@code https://login.microsoftonline.com}. Every endpoint is {@code <base-url>/<tenant>/...}
 *     and ID tokens' issuer is {@code <base-url>/<tid>/v2.0}
 * @param authorizationUri override of the authorize endpoint the browser is sent to (default empty:
 *     {@code <base-url>/<tenant>/oauth2/v2.0/authorize}), for a simulator the service reaches by
 *     another name than the browser does (docker-compose: {@code graph-sim:8091} inside, {@code
 *     localhost:8091} for the browser)
 * @param tenant which accounts may connect and sign in (default {@code common}: work, school and
 *     personal accounts; {@code organizations}: work and school only; {@code consumers}: personal
 *     only; or one tenant's id, a GUID). A domain name is refused: the issuer check needs the id
 * @param clientId the app registration's application (client) id ({@code MICROSOFT_CLIENT_ID}),
 *     also the audience of ID tokens
 * @param clientSecret the app registration's client secret ({@code MICROSOFT_CLIENT_SECRET})
 * @param redirectUri this service's callback as registered in the app registration ({@code
 *     MICROSOFT_REDIRECT_URI})
 * @param scopes what to ask for (default {@code offline_access} for a refresh token, {@code openid
 *     profile email} for the id_token and the address, then Graph's {@code User.Read}, {@code
 *     Mail.Read}, {@code Calendars.Read}, {@code Contacts.Read}); a user may untick Graph scopes at
 *     consent, and the office then skips what it cannot read
 * @param verifiedEmailTenants the tenants whose id_tokens' {@code email} "Sign in with Microsoft"
 *     trusts; default Microsoft's personal-account tenant only ({@code
 *     9188040d-6c67-4c5b-b112-36a304b66dad}), whose addresses Microsoft verified. In a work or
 *     school tenant the address is an attribute its administrators set, unverified (the "nOAuth"
 *     account takeover), so a tenant is trusted only when listed here or when its token says the
 *     domain owner verified the address ({@code xms_edov}). Connecting is not affected
 * @param timeout per call to the identity platform (default 10 s)
 */
@ConfigurationProperties("officeflow.user.microsoft")
public record MicrosoftSettings(
    @DefaultValue("https://login.microsoftonline.com") String baseUrl,
    @DefaultValue("") String authorizationUri,
    @DefaultValue("common") String tenant,
    @DefaultValue("") String clientId,
    @DefaultValue("") String clientSecret,
    @DefaultValue("") String redirectUri,
    @DefaultValue({
          "offline_access",
          "openid",
          "profile",
          "email",
          "User.Read",
          "Mail.Read",
          "Calendars.Read",
          "Contacts.Read"
        })
        List<String> scopes,
    @DefaultValue(MicrosoftSettings.PERSONAL_ACCOUNTS_TENANT) List<String> verifiedEmailTenants,
    @DefaultValue("10s") Duration timeout) {

  /** The tenant of personal Microsoft accounts (outlook.com, hotmail.com, live.com). */
  public static final String PERSONAL_ACCOUNTS_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

  private static final String PREFIX = "officeflow.user.microsoft.";

  private static final Pattern TENANT_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final List<String> MULTI_TENANT = List.of("common", "organizations", "consumers");

  public MicrosoftSettings {
    scopes = List.copyOf(scopes);
    tenant = tenant.trim().toLowerCase(Locale.ROOT);
    if (!MULTI_TENANT.contains(tenant) && !TENANT_ID.matcher(tenant).matches()) {
      throw new IllegalArgumentException(
          PREFIX
              + "tenant must be common, organizations, consumers or a tenant id (a GUID), not '"
              + tenant
              + "'");
    }
    verifiedEmailTenants =
        verifiedEmailTenants.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
    if (!clientId.isBlank()) {
      require(clientSecret, "client-secret");
      require(redirectUri, "redirect-uri");
      if (!scopes.contains("offline_access") || !scopes.contains("openid")) {
        throw new IllegalArgumentException(
            PREFIX
                + "scopes must hold offline_access (a refresh token) and openid (the id_token"
                + " that names the account): "
                + scopes);
      }
    }
  }

  /** Whether this deployment offers Microsoft: a client id is configured. */
  public boolean enabled() {
    return !clientId.isBlank();
  }

  public String authorizationEndpoint() {
    return authorizationUri.isBlank() ? tenantUrl() + "/oauth2/v2.0/authorize" : authorizationUri;
  }

  public String tokenEndpoint() {
    return tenantUrl() + "/oauth2/v2.0/token";
  }

  /** The tenant's key set; for {@code common} it holds every tenant's signing keys. */
  public String jwkSetEndpoint() {
    return tenantUrl() + "/discovery/v2.0/keys";
  }

  /**
   * Whether accounts of directory {@code tid} (an ID token's {@code tid}) may connect and sign in
   * under the configured tenant.
   */
  public boolean admits(String tid) {
    String id = tid.toLowerCase(Locale.ROOT);
    return switch (tenant) {
      case "common" -> TENANT_ID.matcher(id).matches();
      case "organizations" ->
          TENANT_ID.matcher(id).matches() && !id.equals(PERSONAL_ACCOUNTS_TENANT);
      case "consumers" -> id.equals(PERSONAL_ACCOUNTS_TENANT);
      default -> id.equals(tenant);
    };
  }

  /** The {@code iss} a v2.0 ID token of tenant {@code tid} carries. */
  public String issuerOf(String tid) {
    return trimmedBaseUrl() + "/" + tid + "/v2.0";
  }

  private String tenantUrl() {
    return trimmedBaseUrl() + "/" + tenant;
  }

  private String trimmedBaseUrl() {
    return baseUrl.replaceAll("/+$", "");
  }

  private static void require(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          PREFIX
              + name
              + " is required when "
              + PREFIX
              + "client-id is set (Microsoft is offered); unset the client id to run without"
              + " Microsoft");
    }
  }
}
