package dev.officeflow.user.google;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connecting Google ({@code officeflow.user.google.*}).
 *
 * @param baseUrl where Google's OAuth endpoints live (default {@code http://127.0.0.1:8090},
 *     google-sim; {@code GOOGLE_OAUTH_BASE_URL}). Real Google splits them over hosts: set the four
 *     {@code *-uri} overrides instead.
 * @param authorizationUri override, default {@code <base-url>/o/oauth2/v2/auth} (real Google:
 *     {@code https://accounts.google.com/o/oauth2/v2/auth})
 * @param tokenUri override, default {@code <base-url>/token} ({@code
 *     https://oauth2.googleapis.com/token})
 * @param revokeUri override, default {@code <base-url>/revoke} ({@code
 *     https://oauth2.googleapis.com/revoke})
 * @param userinfoUri override, default {@code <base-url>/oauth2/v3/userinfo} ({@code
 *     https://www.googleapis.com/oauth2/v3/userinfo})
 * @param clientId the OAuth client id (default {@code officeflow-local})
 * @param clientSecret the OAuth client secret (default {@code local-dev-client-secret})
 * @param redirectUri this service's callback as registered with Google (default {@code
 *     http://127.0.0.1:8081/v1/integrations/google/callback})
 * @param frontendUrl where the browser goes after a successful connect (default {@code
 *     http://127.0.0.1:8083/vip/index.html}, the VIP page)
 * @param scopes what to ask for (default {@code openid}, {@code email} to learn the account's
 *     address, Gmail read-only and Calendar read-only). {@code gmail.metadata} together with a
 *     broader Gmail scope is refused: Gmail then applies the metadata restrictions to every call.
 * @param stateTtl how long an authorization may take (default 10 minutes)
 * @param timeout per call to Google (default 10 s)
 */
@ConfigurationProperties("officeflow.user.google")
public record GoogleSettings(
    @DefaultValue("http://127.0.0.1:8090") String baseUrl,
    @DefaultValue("") String authorizationUri,
    @DefaultValue("") String tokenUri,
    @DefaultValue("") String revokeUri,
    @DefaultValue("") String userinfoUri,
    @DefaultValue("officeflow-local") String clientId,
    @DefaultValue("local-dev-client-secret") String clientSecret,
    @DefaultValue("http://127.0.0.1:8081/v1/integrations/google/callback") String redirectUri,
    @DefaultValue("http://127.0.0.1:8083/vip/index.html") String frontendUrl,
    @DefaultValue({"openid", "email", GoogleScopes.GMAIL_READONLY, GoogleScopes.CALENDAR_READONLY})
        List<String> scopes,
    @DefaultValue("10m") Duration stateTtl,
    @DefaultValue("10s") Duration timeout) {

  public GoogleSettings {
    scopes = List.copyOf(scopes);
    GoogleScopes.checkRequestable(scopes);
  }

  public String authorizationEndpoint() {
    return or(authorizationUri, "/o/oauth2/v2/auth");
  }

  public String tokenEndpoint() {
    return or(tokenUri, "/token");
  }

  public String revokeEndpoint() {
    return or(revokeUri, "/revoke");
  }

  public String userinfoEndpoint() {
    return or(userinfoUri, "/oauth2/v3/userinfo");
  }

  private String or(String override, String path) {
    if (!override.isBlank()) {
      return override;
    }
    return baseUrl.replaceAll("/+$", "") + path;
  }
}
