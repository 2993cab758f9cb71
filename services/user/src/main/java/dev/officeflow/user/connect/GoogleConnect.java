package dev.officeflow.user.connect;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.connect.store.OAuthState;
import dev.officeflow.user.connect.store.OAuthStateStore;
import dev.officeflow.user.google.GoogleOAuthClient;
import dev.officeflow.user.google.GoogleOAuthException;
import dev.officeflow.user.google.GoogleSettings;
import dev.officeflow.user.google.GoogleTokens;
import dev.officeflow.user.integration.Integration;
import dev.officeflow.user.integration.IntegrationChanges;
import dev.officeflow.user.integration.ProviderTokens;
import dev.officeflow.user.outbox.EventTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The Google connect flow. Start: a state, a PKCE verifier and the hash of the starting browser's
 * key go to Redis, the browser goes to Google. Callback: the state is taken out (single use) and
 * checked against the clock and the browser that brings it back (only the one that started may
 * finish: an authorization URL sent to someone else links nothing), the code is exchanged with the
 * verifier, the account's address is read, and the integration becomes active with its tokens
 * encrypted and an {@code IntegrationEvent(create)} — all or nothing.
 */
public class GoogleConnect {

  static final String PROVIDER = "google";

  /** The problem code of a callback in a browser that did not start the authorization. */
  public static final String BROWSER_MISMATCH = "oauth_browser_mismatch";

  private final OAuthStateStore states;
  private final GoogleOAuthClient google;
  private final GoogleSettings settings;
  private final Users users;
  private final IntegrationChanges changes;
  private final EventTransactions transactions;
  private final Clock clock;

  GoogleConnect(
      OAuthStateStore states,
      GoogleOAuthClient google,
      GoogleSettings settings,
      Users users,
      IntegrationChanges changes,
      EventTransactions transactions,
      Clock clock) {
    this.states = states;
    this.google = google;
    this.settings = settings;
    this.users = users;
    this.changes = changes;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Starts an authorization bound to the browser holding {@code browserKey} ({@link BrowserKeys}).
   * Fails with 404 {@code user_not_found} when the user was deleted meanwhile.
   */
  public Mono<Authorization> start(UUID userId, @Nullable String loginHint, String browserKey) {
    String state = Pkce.state();
    String verifier = Pkce.verifier();
    Instant now = clock.instant();
    OAuthState pending =
        new OAuthState(userId, PROVIDER, verifier, now, BrowserKeys.hash(browserKey));
    return users
        .get(userId)
        .flatMap(user -> states.save(state, pending, settings.stateTtl()))
        .thenReturn(
            new Authorization(
                authorizationUrl(state, verifier, loginHint),
                state,
                now.plus(settings.stateTtl())));
  }

  /** Fails with an {@link ApiException} saying why nothing was connected. */
  public Mono<Integration> complete(Callback callback) {
    if (callback.state() == null || callback.state().isBlank()) {
      return Mono.error(invalidState("missing"));
    }
    return states
        .take(callback.state())
        .switchIfEmpty(Mono.error(() -> invalidState("unknown, already used or expired")))
        .flatMap(state -> checked(state, callback))
        .flatMap(state -> connect(state, callback));
  }

  private Mono<OAuthState> checked(OAuthState state, Callback callback) {
    if (!state.createdAt().plus(settings.stateTtl()).isAfter(clock.instant())) {
      return Mono.error(invalidState("expired"));
    }
    if (!PROVIDER.equals(state.provider())) {
      return Mono.error(invalidState("issued for another provider"));
    }
    Optional<ApiException> otherBrowser = otherBrowser(state, callback.browserKey());
    if (otherBrowser.isPresent()) {
      return Mono.error(otherBrowser.get());
    }
    if (callback.error() != null) {
      return Mono.error(declined(callback));
    }
    if (callback.code() == null || callback.code().isBlank()) {
      return Mono.error(ApiException.invalid("the callback carried no code"));
    }
    return Mono.just(state);
  }

  private Mono<Integration> connect(OAuthState state, Callback callback) {
    return users
        .get(state.userId())
        .then(google.exchange(callback.code(), state.codeVerifier()))
        .onErrorMap(GoogleOAuthException.class, GoogleConnect::codeRejected)
        .flatMap(
            tokens ->
                google
                    .accountEmail(tokens.accessToken())
                    .onErrorMap(GoogleOAuthException.class, GoogleConnect::codeRejected)
                    .flatMap(email -> store(state.userId(), email, tokens, callback)));
  }

  private Mono<Integration> store(
      UUID userId, String email, GoogleTokens tokens, Callback callback) {
    List<String> scopes = tokens.scopes().isEmpty() ? split(callback.scope()) : tokens.scopes();
    ProviderTokens provider =
        new ProviderTokens(
            tokens.accessToken(),
            tokens.refreshToken(),
            clock.instant().plusSeconds(tokens.expiresInSeconds()));
    return transactions.run(
        events -> changes.connected(userId, PROVIDER, email, scopes, provider, events));
  }

  private String authorizationUrl(String state, String verifier, @Nullable String loginHint) {
    UriComponentsBuilder url =
        UriComponentsBuilder.fromUriString(settings.authorizationEndpoint())
            .queryParam("response_type", "code")
            .queryParam("client_id", settings.clientId())
            .queryParam("redirect_uri", settings.redirectUri())
            .queryParam("scope", String.join(" ", settings.scopes()))
            .queryParam("state", state)
            .queryParam("code_challenge", Pkce.challenge(verifier))
            .queryParam("code_challenge_method", "S256")
            // Offline access for a refresh token; consent again so Google sends one every time.
            .queryParam("access_type", "offline")
            .queryParam("prompt", "consent");
    if (loginHint != null && !loginHint.isBlank()) {
      url.queryParam("login_hint", loginHint);
    }
    return url.encode().build().toUriString();
  }

  private static List<String> split(@Nullable String scope) {
    return scope == null
        ? List.of()
        : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isBlank()).toList();
  }

  private static ApiException invalidState(String why) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, "invalid_state", "OAuth state " + why + "; start connecting again");
  }

  /** Why the browser that brought the callback may not complete it; empty when it started it. */
  private static Optional<ApiException> otherBrowser(
      OAuthState state, @Nullable String browserKey) {
    if (browserKey == null) {
      return Optional.of(
          otherBrowser(
              "this browser holds no key of an authorization it started (no officeflow_oauth"
                  + " cookie: the link came from someone else, or cookies are blocked)"));
    }
    if (!BrowserKeys.matches(browserKey, state.browserHash())) {
      return Optional.of(otherBrowser("this authorization was started in another browser"));
    }
    return Optional.empty();
  }

  private static ApiException otherBrowser(String why) {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        BROWSER_MISMATCH,
        why
            + "; nothing was connected. Connect Google from your own officeflow session, in this"
            + " browser",
        Map.of("provider", PROVIDER));
  }

  private static ApiException declined(Callback callback) {
    String reason = callback.error();
    String description =
        callback.errorDescription() != null
            ? callback.errorDescription()
            : "access_denied".equals(reason)
                ? "the Google account owner declined access"
                : "Google reported an error";
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        reason,
        description + "; nothing was connected",
        Map.of("provider", PROVIDER));
  }

  private static Throwable codeRejected(GoogleOAuthException e) {
    if (e.unavailable()) {
      return new ApiException(
          HttpStatus.BAD_GATEWAY,
          "provider_unavailable",
          "Google could not be reached to finish connecting; start again",
          Map.of("provider", PROVIDER));
    }
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "authorization_rejected",
        "Google rejected the authorization (" + e.error() + ": " + e.getMessage() + ")",
        Map.of("provider", PROVIDER, "provider_error", e.error()));
  }
}
