package dev.officeflow.user.google;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google as OAuth provider (connecting Gmail and Calendar) and OpenID Connect provider ("Sign in
 * with Google") ({@code officeflow.user.google.*}). Every endpoint defaults to Google's own; the
 * {@code local} profile points them at google-sim through {@code base-url}. Client id and secret,
 * redirect URI and frontend URL have no default: production must set them (ProductionGuard), the
 * local profile gives development values.
 *
 * @param baseUrl google-sim's address ({@code GOOGLE_OAUTH_BASE_URL}); empty (the default) means
 *     Google. When set, every endpoint below is this URL plus Google's path, and it is the ID
 *     tokens' issuer.
 * @param authorizationUri override; default {@code https://accounts.google.com/o/oauth2/v2/auth}
 *     ({@code <base-url>/o/oauth2/v2/auth})
 * @param tokenUri override; default {@code https://oauth2.googleapis.com/token} ({@code
 *     <base-url>/token})
 * @param revokeUri override; default {@code https://oauth2.googleapis.com/revoke} ({@code
 *     <base-url>/revoke})
 * @param userinfoUri override; default {@code https://openidconnect.googleapis.com/v1/userinfo}
 *     ({@code <base-url>/oauth2/v3/userinfo})
 * @param jwkSetUri the keys ID tokens are signed with; default {@code
 *     https://www.googleapis.com/oauth2/v3/certs} ({@code <base-url>/oauth2/v3/certs})
 * @param issuer the {@code iss} an ID token must carry; default Google's ({@code
 *     https://accounts.google.com}, and {@code accounts.google.com}, which Google also uses), or
 *     the base URL
 * @param clientId the OAuth client id ({@code GOOGLE_CLIENT_ID}), also the audience of ID tokens
 * @param clientSecret the OAuth client secret ({@code GOOGLE_CLIENT_SECRET})
 * @param redirectUri this service's callback as registered with Google ({@code
 *     GOOGLE_REDIRECT_URI})
 * @param frontendUrl where the browser goes after a successful connect ({@code FRONTEND_URL})
 * @param scopes what to ask for (default {@code openid}, {@code email} to learn the account's
 *     address, Gmail read-only, Calendar read-only, and the address book's contacts and other
 *     contacts read-only; a user who unticks the contacts at consent still connects, and the office
 *     then skips the address book and records why). {@code gmail.metadata} together with a broader
 *     Gmail scope is refused: Gmail then applies the metadata restrictions to every call.
 * @param stateTtl how long an authorization may take (default 10 minutes)
 * @param timeout per call to Google (default 10 s)
 */
@ConfigurationProperties("officeflow.user.google")
public record GoogleSettings(
    @DefaultValue("") String baseUrl,
    @DefaultValue("") String authorizationUri,
    @DefaultValue("") String tokenUri,
    @DefaultValue("") String revokeUri,
    @DefaultValue("") String userinfoUri,
    @DefaultValue("") String jwkSetUri,
    @DefaultValue("") String issuer,
    @DefaultValue("") String clientId,
    @DefaultValue("") String clientSecret,
    @DefaultValue("") String redirectUri,
    @DefaultValue("") String frontendUrl,
    @DefaultValue({
          "openid",
          "email",
          GoogleScopes.GMAIL_READONLY,
          GoogleScopes.CALENDAR_READONLY,
          GoogleScopes.CONTACTS_READONLY,
          GoogleScopes.OTHER_CONTACTS_READONLY
        })
        List<String> scopes,
    @DefaultValue("10m") Duration stateTtl,
    @DefaultValue("10s") Duration timeout) {

  /** The issuers Google's ID tokens name (both spellings are in use). */
  static final List<String> GOOGLE_ISSUERS =
      List.of("https://accounts.google.com", "accounts.google.com");

  public GoogleSettings {
    scopes = List.copyOf(scopes);
    GoogleScopes.checkRequestable(scopes);
  }

  public String authorizationEndpoint() {
    return endpoint(
        authorizationUri, "/o/oauth2/v2/auth", "https://accounts.google.com/o/oauth2/v2/auth");
  }

  public String tokenEndpoint() {
    return endpoint(tokenUri, "/token", "https://oauth2.googleapis.com/token");
  }

  public String revokeEndpoint() {
    return endpoint(revokeUri, "/revoke", "https://oauth2.googleapis.com/revoke");
  }

  public String userinfoEndpoint() {
    return endpoint(
        userinfoUri, "/oauth2/v3/userinfo", "https://openidconnect.googleapis.com/v1/userinfo");
  }

  /** Where the keys of ID tokens are published. */
  public String jwkSetEndpoint() {
    return endpoint(jwkSetUri, "/oauth2/v3/certs", "https://www.googleapis.com/oauth2/v3/certs");
  }

  /** The {@code iss} values an ID token may carry. */
  public List<String> issuers() {
    if (!issuer.isBlank()) {
      return List.of(issuer);
    }
    return baseUrl.isBlank() ? GOOGLE_ISSUERS : List.of(trimmedBaseUrl());
  }

  private String endpoint(String override, String simulatorPath, String google) {
    if (!override.isBlank()) {
      return override;
    }
    return baseUrl.isBlank() ? google : trimmedBaseUrl() + simulatorPath;
  }

  private String trimmedBaseUrl() {
    return baseUrl.replaceAll("/+$", "");
  }
}
