package dev.officeflow.user.oauth;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One OAuth provider as the connect flow, the token API, disconnecting and the purge use it. Every
 * failure at the provider is an {@link OAuthException}. Implementations are thread-safe.
 */
public interface OAuthProvider {

  /** The provider's name in integrations, events and routes: {@code google}, {@code microsoft}. */
  String name();

  /** Its name for people, in problem details and audit rows: {@code Google}, {@code Microsoft}. */
  String displayName();

  /** Where to send the browser to consent: the provider's authorize URL with every parameter. */
  String authorizationUrl(AuthorizationRequest request);

  /**
   * Redeems an authorization code with its PKCE verifier; the grant carries the account's address.
   * {@code nonce} is the one the authorization URL carried (a provider that returns an ID token
   * checks it against it).
   */
  Mono<ProviderGrant> exchange(String code, String codeVerifier, String nonce);

  /**
   * A new access token for a refresh token. A provider that rotates refresh tokens answers a new
   * one, which the caller must store in place of the old.
   *
   * @param grantedScopes what the grant holds now (a provider may need them named again)
   */
  Mono<ProviderGrant> refresh(String refreshToken, List<String> grantedScopes);

  /**
   * Revokes the whole grant behind a token: true when the provider revoked it, false when it has no
   * way to (the Microsoft identity platform has no revocation endpoint), so the caller forgets the
   * grant and says so.
   */
  Mono<Boolean> revoke(String token);
}
