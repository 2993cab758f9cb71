package dev.officeflow.googlesim.oauth;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What an ID token says beyond the account: for whom ({@code aud}), the client's {@code nonce},
 * whether the address counts as verified, and how long it lives (Google's: one hour).
 */
public record IdTokenRequest(
    String audience, @Nullable String nonce, boolean emailVerified, Duration lifetime) {

  public static final Duration GOOGLE_LIFETIME = Duration.ofHours(1);

  public IdTokenRequest {
    if (audience.isBlank()) {
      throw new IllegalArgumentException("an ID token needs an audience (the OAuth client id)");
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("an ID token's lifetime must be positive");
    }
  }

  /** A token for the client {@code audience}: verified address, one hour, no nonce. */
  public static IdTokenRequest forClient(String audience) {
    return new IdTokenRequest(audience, null, true, GOOGLE_LIFETIME);
  }

  public IdTokenRequest withNonce(@Nullable String newNonce) {
    return new IdTokenRequest(audience, newNonce, emailVerified, lifetime);
  }

  public IdTokenRequest withEmailVerified(boolean verified) {
    return new IdTokenRequest(audience, nonce, verified, lifetime);
  }

  public IdTokenRequest withLifetime(Duration newLifetime) {
    return new IdTokenRequest(audience, nonce, emailVerified, newLifetime);
  }
}
