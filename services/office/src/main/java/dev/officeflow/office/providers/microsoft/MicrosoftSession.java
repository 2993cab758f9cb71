package dev.officeflow.office.providers.microsoft;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.officeflow.office.adapter.ProviderSession;
import dev.officeflow.office.tokens.ProviderCredential;
import dev.officeflow.office.tokens.ProviderTokens;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import reactor.core.publisher.Mono;

/**
 * One user's connection to Microsoft Graph for the length of a run: an SDK client of its own (the
 * token is the session's), on the connection pool every session shares, pointed at the configured
 * Graph URL, sending whatever access token is current. Thread-safe.
 */
public final class MicrosoftSession implements ProviderSession {

  private final String userId;
  private final ProviderTokens tokens;
  private final AtomicReference<ProviderCredential> credential;
  private final GraphServiceClient graph;

  MicrosoftSession(
      String userId,
      ProviderCredential initial,
      ProviderTokens tokens,
      MicrosoftSettings settings,
      OkHttpClient http) {
    this.userId = userId;
    this.tokens = tokens;
    this.credential = new AtomicReference<>(initial);
    this.graph =
        new GraphServiceClient(
            new BaseBearerTokenAuthenticationProvider(new SessionToken(settings.graphHost())),
            http);
    graph.getRequestAdapter().setBaseUrl(settings.graphUrl());
  }

  /**
   * Hands the SDK the session's current token, and only for the Graph host configured: the SDK
   * sends none to a host it was not told of (a {@code @odata.nextLink} elsewhere, say).
   */
  private final class SessionToken implements AccessTokenProvider {

    private final AllowedHostsValidator hosts;

    SessionToken(String host) {
      this.hosts = new AllowedHostsValidator(host);
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> context) {
      return credential.get().accessToken();
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
      return hosts;
    }
  }

  @Override
  public String userId() {
    return userId;
  }

  @Override
  public ProviderCredential credential() {
    return credential.get();
  }

  /** The user's Graph client; blocking: call it through {@link MicrosoftClient#call}. */
  public GraphServiceClient graph() {
    return graph;
  }

  /** Replaces the access token after Graph refused it. */
  public Mono<Void> refresh(Duration timeout) {
    return tokens
        .refresh(userId, MicrosoftScopes.PROVIDER)
        .timeout(timeout)
        .doOnNext(credential::set)
        .then();
  }
}
