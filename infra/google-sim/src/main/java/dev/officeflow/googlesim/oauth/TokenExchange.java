package dev.officeflow.googlesim.oauth;

import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.account.Accounts;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The token endpoint: {@code authorization_code} (with PKCE) and {@code refresh_token} grants. A
 * code whose consent granted {@code openid} also yields an {@code id_token} for the client, as
 * Google's does.
 */
final class TokenExchange {

  private final Accounts accounts;
  private final OAuthTokens tokens;
  private final IdTokens idTokens;

  TokenExchange(Accounts accounts, OAuthTokens tokens, IdTokens idTokens) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.idTokens = idTokens;
  }

  SimResponse exchange(SimRequest r) {
    Params form = r.form();
    String clientId =
        form.first("client_id")
            .or(
                () ->
                    r.header("authorization")
                        .filter(h -> h.startsWith("Basic "))
                        .map(OAuthApi::basicUser))
            .orElse("");
    if (clientId.isEmpty()) {
      return OAuthErrors.error(
          400, "invalid_request", "Could not determine client ID from request.");
    }
    String grantType = form.firstOr("grant_type", "");
    return switch (grantType) {
      case "authorization_code" -> code(form, clientId);
      case "refresh_token" -> refresh(form);
      default ->
          OAuthErrors.error(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
    };
  }

  private SimResponse code(Params form, String clientId) {
    Optional<OAuthTokens.Code> redeemed = tokens.redeem(form.firstOr("code", ""));
    if (redeemed.isEmpty()) {
      return OAuthErrors.invalidGrant("Malformed auth code.");
    }
    OAuthTokens.Code code = redeemed.get();
    if (!code.clientId().equals(clientId)) {
      return OAuthErrors.error(401, "invalid_client", "Unauthorized");
    }
    if (!code.redirectUri().equals(form.firstOr("redirect_uri", ""))) {
      return OAuthErrors.error(400, "redirect_uri_mismatch", "Bad Request");
    }
    if (code.challenge() != null) {
      Optional<String> verifier = form.first("code_verifier");
      if (verifier.isEmpty()) {
        return OAuthErrors.invalidGrant("Missing code verifier.");
      }
      if (!Pkce.matches(code.challenge(), code.challengeMethod(), verifier.get())) {
        return OAuthErrors.invalidGrant("Invalid code verifier.");
      }
    }
    TokenGrant grant =
        tokens.issue(code.email(), code.scopes(), code.offline(), lifetime(code.email()));
    ObjectNode body = body(grant);
    if (code.scopes().contains("openid")) {
      body.put(
          "id_token",
          idTokens.issue(
              code.email(), IdTokenRequest.forClient(code.clientId()).withNonce(code.nonce())));
    }
    return SimResponse.ok(body);
  }

  private SimResponse refresh(Params form) {
    Optional<TokenGrant> grant = tokens.refresh(form.firstOr("refresh_token", ""), this::lifetime);
    return grant
        .map(g -> SimResponse.ok(body(g)))
        .orElseGet(() -> OAuthErrors.invalidGrant("Token has been expired or revoked."));
  }

  private Duration lifetime(String email) {
    return accounts
        .find(email)
        .map(a -> a.spec().tokenLifetime())
        .orElse(AccountSpec.of(email).tokenLifetime());
  }

  private ObjectNode body(TokenGrant grant) {
    ObjectNode out = Json.object();
    out.put("access_token", grant.accessToken());
    out.put(
        "expires_in",
        Math.max(0, Duration.between(tokens.clock().instant(), grant.expiresAt()).toSeconds()));
    if (grant.refreshToken() != null) {
      out.put("refresh_token", grant.refreshToken());
    }
    out.put("scope", String.join(" ", grant.scopes()));
    out.put("token_type", "Bearer");
    return out;
  }
}
