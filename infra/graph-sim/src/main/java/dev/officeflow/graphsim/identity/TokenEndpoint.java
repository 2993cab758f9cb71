package dev.officeflow.graphsim.identity;

import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: the {@code authorization_code} grant (with PKCE) and
 * the {@code refresh_token} grant (a new refresh token every time). Failures are the platform's
 * {@code invalid_grant} / {@code invalid_request} / {@code unsupported_grant_type} with their
 * AADSTS codes (see the module README's table).
 */
final class TokenEndpoint {

  private static final int MALFORMED = 9002313;
  private static final int CONSENT_REQUIRED = 65001;

  private final IdentityPlatform platform;
  private final IdentityErrors errors;

  TokenEndpoint(IdentityPlatform platform) {
    this.platform = platform;
    this.errors = platform.errors();
  }

  SimResponse token(SimRequest r) {
    if (!r.is("POST")) {
      return errors.error(
          r,
          400,
          "invalid_request",
          900561,
          "The endpoint only accepts POST requests. Received a " + r.method() + " request.");
    }
    Params form = r.form();
    Optional<String> clientId =
        form.first("client_id").filter(s -> !s.isBlank()).or(() -> basicUser(r));
    String grantType = form.firstOr("grant_type", "");
    if (grantType.isBlank()) {
      return missing(r, "grant_type");
    }
    if (clientId.isEmpty()) {
      return missing(r, "client_id");
    }
    return switch (grantType) {
      case "authorization_code" -> code(r, form, clientId.get());
      case "refresh_token" -> refresh(r, form, clientId.get());
      default ->
          errors.error(
              r,
              400,
              "unsupported_grant_type",
              70003,
              "The app requested an unsupported grant type '" + grantType + "'.");
    };
  }

  private SimResponse code(SimRequest r, Params form, String clientId) {
    String value = form.firstOr("code", "");
    if (value.isBlank()) {
      return missing(r, "code");
    }
    AuthorizationCodes.Redemption redemption = platform.codes().redeem(value);
    AuthorizationCodes.Code code = redemption.code();
    if (code == null) {
      return codeRefused(r, redemption.outcome());
    }
    return mismatch(r, form, clientId, code)
        .orElseGet(
            () ->
                consentingUser(code.accountId())
                    .map(
                        u ->
                            answer(
                                platform.issue(
                                    u, clientId, stillGranted(code.scopes(), u), code.nonce())))
                    .orElseGet(() -> consentRequired(r, clientId)));
  }

  private SimResponse codeRefused(SimRequest r, AuthorizationCodes.Outcome outcome) {
    return switch (outcome) {
      case ALREADY_REDEEMED ->
          invalidGrant(
              r,
              54005,
              "OAuth2 Authorization code was already redeemed, please retry with a new valid code"
                  + " or use an existing refresh token.");
      case EXPIRED ->
          invalidGrant(
              r,
              70008,
              "The provided authorization code or refresh token has expired due to inactivity."
                  + " Send a new interactive authorization request for this user and resource.");
      case UNKNOWN, REDEEMED ->
          invalidGrant(r, MALFORMED, "Invalid request. Request is malformed or invalid.");
    };
  }

  /** What the token request must repeat from the authorize request: client, redirect, PKCE. */
  private Optional<SimResponse> mismatch(
      SimRequest r, Params form, String clientId, AuthorizationCodes.Code code) {
    if (!code.clientId().equals(clientId)) {
      return Optional.of(invalidGrant(r, 70000, "Provided grant is invalid or malformed."));
    }
    if (!code.redirectUri().equals(form.firstOr("redirect_uri", ""))) {
      return Optional.of(
          invalidGrant(
              r,
              70000,
              "The provided value for the 'redirect_uri' is not valid. The value must exactly"
                  + " match the redirect URI used to obtain the authorization code."));
    }
    Optional<String> verifier = form.first("code_verifier");
    if (code.challenge() != null
        && (verifier.isEmpty() || !AuthorizationCodes.verifierMatches(code, verifier.get()))) {
      return Optional.of(
          invalidGrant(
              r,
              501481,
              "The Code_Verifier does not match the code_challenge supplied in the authorization"
                  + " request."));
    }
    return Optional.empty();
  }

  private SimResponse refresh(SimRequest r, Params form, String clientId) {
    String value = form.firstOr("refresh_token", "");
    if (value.isBlank()) {
      return missing(r, "refresh_token");
    }
    RefreshTokens.Lookup lookup = platform.refreshTokens().find(value);
    RefreshTokens.Entry entry = lookup.entry();
    if (lookup.outcome() != RefreshTokens.Outcome.LIVE || entry == null) {
      return refreshRefused(r, lookup.outcome(), clientId);
    }
    if (!entry.clientId().equals(clientId)) {
      return invalidGrant(r, 70000, "Provided grant is invalid or malformed.");
    }
    Optional<DirectoryUser> user = consentingUser(entry.accountId());
    Optional<Set<String>> scopes = user.flatMap(u -> refreshScopes(form, entry, u));
    if (user.isEmpty() || scopes.isEmpty()) {
      return consentRequired(r, clientId);
    }
    return answer(platform.issue(user.get(), clientId, scopes.get(), null));
  }

  private SimResponse refreshRefused(SimRequest r, RefreshTokens.Outcome outcome, String clientId) {
    return switch (outcome) {
      case REVOKED -> consentRequired(r, clientId);
      case EXPIRED ->
          invalidGrant(
              r,
              700082,
              "The refresh token has expired due to inactivity. The token was issued more than 90"
                  + " days ago.");
      case UNKNOWN, LIVE ->
          invalidGrant(r, MALFORMED, "Invalid request. Request is malformed or invalid.");
    };
  }

  /**
   * The scopes of the refreshed tokens: those asked for (all of the grant when none are named),
   * each still granted; empty when one is not. The OpenID scopes follow the original grant.
   */
  private static Optional<Set<String>> refreshScopes(
      Params form, RefreshTokens.Entry entry, DirectoryUser user) {
    Set<String> allowed = stillGranted(entry.scopes(), user);
    Set<String> scopes =
        new LinkedHashSet<>(
            form.first("scope").map(Scopes::split).map(Scopes::normalizeAll).orElse(allowed));
    scopes.removeIf(s -> Scopes.OIDC.contains(s) && !entry.scopes().contains(s));
    if (!allowed.containsAll(scopes)) {
      return Optional.empty();
    }
    // The refresh token itself is kept only while offline_access is part of the grant.
    if (entry.scopes().contains(Scopes.OFFLINE_ACCESS)) {
      scopes.add(Scopes.OFFLINE_ACCESS);
    }
    return Optional.of(scopes);
  }

  /** The account, if it exists and still consents. */
  private Optional<DirectoryUser> consentingUser(String accountId) {
    return platform.directory().byId(accountId).filter(u -> !u.denyConsent());
  }

  /** The Graph scopes of a grant the account still grants, with its OpenID scopes. */
  private static Set<String> stillGranted(Set<String> scopes, DirectoryUser user) {
    Set<String> out = new LinkedHashSet<>(scopes);
    out.removeIf(s -> !Scopes.OIDC.contains(s) && !user.grantedScopes().contains(s));
    return out;
  }

  private static SimResponse answer(TokenSet tokens) {
    long seconds = tokens.expiresIn().toSeconds();
    ObjectNode body =
        Json.object()
            .put("token_type", "Bearer")
            .put("scope", tokens.scopeString())
            .put("expires_in", seconds)
            .put("ext_expires_in", seconds)
            .put("access_token", tokens.accessToken());
    putIfPresent(body, "refresh_token", tokens.refreshToken());
    putIfPresent(body, "id_token", tokens.idToken());
    return SimResponse.ok(body)
        .withHeader("Cache-Control", "no-store, no-cache")
        .withHeader("Pragma", "no-cache");
  }

  private static void putIfPresent(ObjectNode body, String field, @Nullable String value) {
    if (value != null) {
      body.put(field, value);
    }
  }

  private SimResponse consentRequired(SimRequest r, String clientId) {
    return errors.error(
        r,
        400,
        "invalid_grant",
        CONSENT_REQUIRED,
        "The user or administrator has not consented to use the application with ID '"
            + clientId
            + "' named '"
            + clientId
            + "'. Send an interactive authorization request for this user"
            + " and resource.",
        "consent_required");
  }

  private SimResponse invalidGrant(SimRequest r, int code, String text) {
    return errors.error(r, 400, "invalid_grant", code, text);
  }

  private SimResponse missing(SimRequest r, String parameter) {
    return errors.error(
        r,
        400,
        "invalid_request",
        900144,
        "The request body must contain the following parameter: '" + parameter + "'.");
  }

  /** A confidential client may authenticate with HTTP Basic ({@code client_secret_basic}). */
  private static Optional<String> basicUser(SimRequest r) {
    return r.header("authorization")
        .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
        .flatMap(
            h -> {
              try {
                String decoded =
                    new String(
                        Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }
}
