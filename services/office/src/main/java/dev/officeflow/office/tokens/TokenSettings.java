package dev.officeflow.office.tokens;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from until the user service provides them ({@code officeflow.office.tokens.*}).
 *
 * @param source {@code user-service} (default: the user service's token API at {@code
 *     userServiceUrl}, as this service's caller), {@code google-sim} (the local profile's: the
 *     grants in {@code users}, and for anyone else ask google-sim's admin API, for tests) or {@code
 *     config} (only {@code users})
 * @param userServiceUrl the user service's base URL (required in production; local {@code
 *     http://127.0.0.1:8081})
 * @param simUrl google-sim's root URL (local {@code http://127.0.0.1:8090/})
 * @param tokenUrl the OAuth token endpoint used to refresh; default Google's, local google-sim's
 * @param clientId the OAuth client id sent when refreshing (local {@code officeflow-local})
 * @param clientSecret its secret; default empty
 * @param accounts google-sim source: user id → Google account address; default none, and a user id
 *     that is itself an address is used as the account
 * @param users config source: user id → its grant
 * @param microsoft where Microsoft grants come from locally (graph-sim) and are refreshed
 */
@ConfigurationProperties("officeflow.office.tokens")
public record TokenSettings(
    @DefaultValue("user-service") Source source,
    @DefaultValue("") String userServiceUrl,
    @DefaultValue("") String simUrl,
    @DefaultValue("https://oauth2.googleapis.com/token") String tokenUrl,
    @DefaultValue("") String clientId,
    @DefaultValue("") String clientSecret,
    @DefaultValue Map<String, String> accounts,
    @DefaultValue Map<String, Grant> users,
    @DefaultValue Microsoft microsoft) {

  /** Where grants come from. */
  public enum Source {
    GOOGLE_SIM,
    CONFIG,
    USER_SERVICE
  }

  /**
   * A configured grant; {@code toString} leaves the tokens out.
   *
   * @param provider the provider it grants access to; default {@code google}
   */
  public record Grant(
      String account,
      String accessToken,
      @Nullable String refreshToken,
      @DefaultValue List<String> scopes,
      @DefaultValue("google") String provider) {

    @Override
    public String toString() {
      return "Grant[provider=" + provider + ", account=" + account + ", scopes=" + scopes + "]";
    }
  }

  /**
   * Microsoft grants for local runs and tests ({@code officeflow.office.tokens.microsoft.*}).
   *
   * @param simUrl graph-sim's base URL with a trailing slash (local {@code
   *     http://127.0.0.1:8091/}); empty: no sim, only configured grants
   * @param tokenUrl the identity platform's token endpoint used to refresh; default Microsoft's
   *     ({@code https://login.microsoftonline.com/common/oauth2/v2.0/token}), local graph-sim's
   *     ({@code <sim>/<tenant>/oauth2/v2.0/token})
   * @param clientId the app's client id: graph-sim issues the first tokens to it and throttles them
   *     as its calls, and a refresh names it (local {@code officeflow-local})
   * @param clientSecret its secret; default empty (graph-sim checks none)
   */
  public record Microsoft(
      @DefaultValue("") String simUrl,
      @DefaultValue("https://login.microsoftonline.com/common/oauth2/v2.0/token") String tokenUrl,
      @DefaultValue("") String clientId,
      @DefaultValue("") String clientSecret) {}
}
