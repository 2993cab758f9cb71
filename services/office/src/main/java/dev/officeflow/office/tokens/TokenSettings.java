package dev.officeflow.office.tokens;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from until the user service provides them ({@code officeflow.office.tokens.*}).
 *
 * @param source {@code google-sim} (default: the grants in {@code users}, and for anyone else ask
 *     google-sim's admin API, for tests), {@code config} (only {@code users}) or {@code
 *     user-service} (the user service's token API at {@code userServiceUrl}: ./dev up and
 *     deployments)
 * @param userServiceUrl the user service's base URL; default {@code http://127.0.0.1:8081}
 * @param simUrl google-sim's root URL; default {@code http://127.0.0.1:8090/}
 * @param tokenUrl the OAuth token endpoint used to refresh; default google-sim's {@code /token}
 * @param clientId the OAuth client id sent when refreshing; default {@code officeflow-local}
 * @param clientSecret its secret; default empty
 * @param accounts google-sim source: user id → Google account address; default none, and a user id
 *     that is itself an address is used as the account
 * @param users config source: user id → its grant
 */
@ConfigurationProperties("officeflow.office.tokens")
public record TokenSettings(
    @DefaultValue("google-sim") Source source,
    @DefaultValue("http://127.0.0.1:8081") String userServiceUrl,
    @DefaultValue("http://127.0.0.1:8090/") String simUrl,
    @DefaultValue("http://127.0.0.1:8090/token") String tokenUrl,
    @DefaultValue("officeflow-local") String clientId,
    @DefaultValue("") String clientSecret,
    @DefaultValue Map<String, String> accounts,
    @DefaultValue Map<String, Grant> users) {

  /** Where grants come from. */
  public enum Source {
    GOOGLE_SIM,
    CONFIG,
    USER_SERVICE
  }

  /** A configured grant; {@code toString} leaves the tokens out. */
  public record Grant(
      String account,
      String accessToken,
      @Nullable String refreshToken,
      @DefaultValue List<String> scopes) {

    @Override
    public String toString() {
      return "Grant[account=" + account + ", scopes=" + scopes + "]";
    }
  }
}
