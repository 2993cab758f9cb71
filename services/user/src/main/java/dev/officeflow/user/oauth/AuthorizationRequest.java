package dev.officeflow.user.oauth;

import org.jspecify.annotations.Nullable;

/**
 * What an authorization URL carries besides the client: the single-use {@code state}, the PKCE S256
 * {@code codeChallenge}, the {@code nonce} an ID token must echo, and the account to preselect
 * ({@code loginHint}, optional).
 */
public record AuthorizationRequest(
    String state, String codeChallenge, String nonce, @Nullable String loginHint) {

  @Override
  public String toString() {
    return "AuthorizationRequest[loginHint=" + loginHint + "]";
  }
}
