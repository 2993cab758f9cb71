package dev.officeflow.user.connect;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.connect.store.OAuthState;
import dev.officeflow.user.connect.store.OAuthStateStore;
import dev.officeflow.user.integration.Integration;
import dev.officeflow.user.integration.IntegrationChanges;
import dev.officeflow.user.integration.ProviderTokens;
import dev.officeflow.user.oauth.AuthorizationRequest;
import dev.officeflow.user.oauth.OAuthException;
import dev.officeflow.user.oauth.OAuthProvider;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.oauth.ProviderGrant;
import dev.officeflow.user.outbox.EventTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * The connect flow, the same for every provider. Start: a state, a PKCE verifier, a nonce and the
 * hash of the starting browser's key go to Redis, the browser goes to the provider. Callback: the
 * state is taken out (single use) and checked against the clock, the provider and the browser that
 * brings it back (only the one that started may finish: an authorization URL sent to someone else
 * links nothing), the code is exchanged with the verifier (the provider learns the account's
 * address, checking the nonce where an ID token comes back), and the integration becomes active
 * with its tokens encrypted and an {@code IntegrationEvent(create)} — all or nothing.
 */
public class ProviderConnect {

  /** The problem code of a callback in a browser that did not start the authorization. */
  public static final String BROWSER_MISMATCH = "oauth_browser_mismatch";

  private static final Pattern SAFE_CODE = Pattern.compile("[a-z_]{1,64}");

  private final OAuthStateStore states;
  private final OAuthProviders providers;
  private final Duration stateTtl;
  private final Users users;
  private final IntegrationChanges changes;
  private final EventTransactions transactions;
  private final Clock clock;

  ProviderConnect(
      OAuthStateStore states,
      OAuthProviders providers,
      Duration stateTtl,
      Users users,
      IntegrationChanges changes,
      EventTransactions transactions,
      Clock clock) {
    this.states = states;
    this.providers = providers;
    this.stateTtl = stateTtl;
    this.users = users;
    this.changes = changes;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Starts an authorization with {@code provider} bound to the browser holding {@code browserKey}
   * ({@link BrowserKeys}). Fails with 404 {@code provider_not_offered} when this deployment does
   * not offer the provider, 404 {@code user_not_found} when the user was deleted meanwhile.
   */
  public Mono<Authorization> start(
      String provider, String userId, @Nullable String loginHint, String browserKey) {
    return Mono.defer(
        () -> {
          OAuthProvider oauth = providers.get(provider);
          String state = Pkce.state();
          String verifier = Pkce.verifier();
          String nonce = Pkce.state();
          Instant now = clock.instant();
          OAuthState pending =
              new OAuthState(userId, provider, verifier, nonce, now, BrowserKeys.hash(browserKey));
          AuthorizationRequest request =
              new AuthorizationRequest(state, Pkce.challenge(verifier), nonce, loginHint);
          return users
              .get(userId)
              .flatMap(user -> states.save(state, pending, stateTtl))
              .thenReturn(
                  new Authorization(oauth.authorizationUrl(request), state, now.plus(stateTtl)));
        });
  }

  /**
   * Completes an authorization with {@code provider}; fails with an {@link ApiException} saying why
   * nothing was connected.
   */
  public Mono<Integration> complete(String provider, Callback callback) {
    return Mono.defer(
        () -> {
          OAuthProvider oauth = providers.get(provider);
          if (callback.state() == null || callback.state().isBlank()) {
            return Mono.error(invalidState("missing"));
          }
          return states
              .take(callback.state())
              .switchIfEmpty(Mono.error(() -> invalidState("unknown, already used or expired")))
              .flatMap(state -> checked(oauth, state, callback))
              .flatMap(state -> connect(oauth, state, callback));
        });
  }

  private Mono<OAuthState> checked(OAuthProvider oauth, OAuthState state, Callback callback) {
    if (!state.createdAt().plus(stateTtl).isAfter(clock.instant())) {
      return Mono.error(invalidState("expired"));
    }
    if (!oauth.name().equals(state.provider())) {
      return Mono.error(invalidState("issued for another provider"));
    }
    Optional<ApiException> otherBrowser = otherBrowser(oauth, state, callback.browserKey());
    if (otherBrowser.isPresent()) {
      return Mono.error(otherBrowser.get());
    }
    if (callback.error() != null) {
      return Mono.error(declined(oauth, callback));
    }
    if (callback.code() == null || callback.code().isBlank()) {
      return Mono.error(ApiException.invalid("the callback carried no code"));
    }
    return Mono.just(state);
  }

  private Mono<Integration> connect(OAuthProvider oauth, OAuthState state, Callback callback) {
    String code = Objects.requireNonNull(callback.code());
    return users
        .get(state.userId())
        .then(oauth.exchange(code, state.codeVerifier(), state.nonce()))
        .onErrorMap(OAuthException.class, e -> codeRejected(oauth, e))
        .flatMap(grant -> store(oauth, state.userId(), grant, callback));
  }

  private Mono<Integration> store(
      OAuthProvider oauth, String userId, ProviderGrant grant, Callback callback) {
    List<String> scopes = grant.scopes().isEmpty() ? split(callback.scope()) : grant.scopes();
    ProviderTokens tokens =
        new ProviderTokens(
            grant.accessToken(),
            grant.refreshToken(),
            clock.instant().plusSeconds(grant.expiresInSeconds()));
    String email =
        Objects.requireNonNull(grant.accountEmail(), "a code exchange names the account");
    return transactions.run(
        events -> changes.connected(userId, oauth.name(), email, scopes, tokens, events));
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
      OAuthProvider oauth, OAuthState state, @Nullable String browserKey) {
    if (browserKey == null) {
      return Optional.of(
          otherBrowser(
              oauth,
              "this browser holds no key of an authorization it started (no officeflow_oauth"
                  + " cookie: the link came from someone else, or cookies are blocked)"));
    }
    if (!BrowserKeys.matches(browserKey, state.browserHash())) {
      return Optional.of(otherBrowser(oauth, "this authorization was started in another browser"));
    }
    return Optional.empty();
  }

  private static ApiException otherBrowser(OAuthProvider oauth, String why) {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        BROWSER_MISMATCH,
        why
            + "; nothing was connected. Connect "
            + oauth.displayName()
            + " from your own officeflow session, in this browser",
        Map.of("provider", oauth.name()));
  }

  private static ApiException declined(OAuthProvider oauth, Callback callback) {
    // The provider's code becomes the problem's: only a well-formed one, the URL is not trusted.
    String reason =
        SAFE_CODE.matcher(Objects.requireNonNull(callback.error())).matches()
            ? callback.error()
            : "provider_error";
    String description =
        callback.errorDescription() != null
            ? callback.errorDescription()
            : "access_denied".equals(reason)
                ? "the " + oauth.displayName() + " account owner declined access"
                : oauth.displayName() + " reported an error";
    if ("access_denied".equals(reason) && !description.contains("declined")) {
      description = "the account owner declined access (" + description + ")";
    }
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        reason,
        description + "; nothing was connected",
        Map.of("provider", oauth.name()));
  }

  private static Throwable codeRejected(OAuthProvider oauth, OAuthException e) {
    if (e.unavailable()) {
      return new ApiException(
          HttpStatus.BAD_GATEWAY,
          "provider_unavailable",
          oauth.displayName() + " could not be reached to finish connecting; start again",
          Map.of("provider", oauth.name()));
    }
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "authorization_rejected",
        oauth.displayName()
            + " rejected the authorization ("
            + e.error()
            + ": "
            + e.getMessage()
            + ")",
        Map.of("provider", oauth.name(), "provider_error", e.error()));
  }
}
