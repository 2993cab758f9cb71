package dev.officeflow.googlesim.oauth;

import dev.officeflow.googlesim.account.Account;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.account.Accounts;
import dev.officeflow.googlesim.web.Caller;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's OAuth 2.0 and OpenID Connect endpoints: authorize with automatic consent ({@code
 * /o/oauth2/v2/auth}), token ({@code /token}, with an {@code id_token} when {@code openid} was
 * granted), revoke ({@code /revoke}), the ID tokens' key set ({@code /oauth2/v3/certs}), plus
 * userinfo and tokeninfo so a client can learn whose account it was given.
 */
public final class OAuthApi implements Handler {

  public static final List<String> AUTHORIZE = List.of("/o/oauth2/v2/auth", "/o/oauth2/auth");
  public static final List<String> TOKEN = List.of("/token", "/oauth2/v4/token");
  public static final List<String> REVOKE = List.of("/revoke", "/o/oauth2/revoke");
  public static final List<String> USERINFO = List.of("/oauth2/v3/userinfo", "/v1/userinfo");
  public static final List<String> TOKENINFO = List.of("/oauth2/v3/tokeninfo", "/tokeninfo");
  public static final List<String> CERTS = List.of("/oauth2/v3/certs");

  private final Accounts accounts;
  private final OAuthTokens tokens;
  private final IdTokens idTokens;

  public OAuthApi(Accounts accounts, OAuthTokens tokens, IdTokens idTokens) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.idTokens = idTokens;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    String path = r.path();
    if (AUTHORIZE.contains(path)) {
      return authorize(r.query());
    } else if (TOKEN.contains(path) && r.is("POST")) {
      return new TokenExchange(accounts, tokens, idTokens).exchange(r);
    } else if (REVOKE.contains(path) && r.is("POST")) {
      return revoke(r);
    } else if (USERINFO.contains(path)) {
      return userinfo(r);
    } else if (TOKENINFO.contains(path)) {
      return tokeninfo(r.query());
    } else if (CERTS.contains(path)) {
      return SimResponse.ok(idTokens.jwks());
    }
    return OAuthErrors.error(404, "not_found", "Unknown OAuth endpoint " + path);
  }

  private SimResponse authorize(Params p) {
    String clientId = p.firstOr("client_id", "");
    String redirect = p.firstOr("redirect_uri", "");
    if (clientId.isEmpty() || redirect.isEmpty()) {
      return SimResponse.text(
          400,
          "Error 400: invalid_request\nMissing required parameter: "
              + (clientId.isEmpty() ? "client_id" : "redirect_uri"));
    }
    String state = p.firstOr("state", "");
    if (!p.firstOr("response_type", "").equals("code")) {
      return SimResponse.redirect(
          withQuery(redirect, "error", "unsupported_response_type", "state", state));
    }
    Optional<Account> account =
        p.first("login_hint")
            .filter(h -> !h.isBlank())
            .map(accounts::find)
            .orElseGet(accounts::defaultAccount);
    if (account.isEmpty()) {
      return SimResponse.text(
          400, "Error 400: google-sim has no account " + p.firstOr("login_hint", "(default)"));
    }
    AccountSpec spec = account.get().spec();
    Set<String> granted =
        new LinkedHashSet<>(Arrays.asList(p.firstOr("scope", "").trim().split("\\s+")));
    granted.retainAll(spec.grantedScopes());
    if (spec.denyConsent() || granted.isEmpty()) {
      return SimResponse.redirect(withQuery(redirect, "error", "access_denied", "state", state));
    }
    boolean offline = p.firstOr("access_type", "online").equals("offline");
    OAuthTokens.Code code =
        tokens.newCode(
            clientId,
            redirect,
            spec.email(),
            granted,
            p.first("code_challenge").orElse(null),
            p.firstOr("code_challenge_method", "plain"),
            offline,
            p.first("nonce").orElse(null));
    return SimResponse.redirect(
        withQuery(
            redirect, "state", state, "code", code.code(), "scope", String.join(" ", granted)));
  }

  private SimResponse revoke(SimRequest r) {
    String token = r.form().first("token").or(() -> r.query().first("token")).orElse("");
    if (!tokens.revoke(token)) {
      return OAuthErrors.error(400, "invalid_token", "Token expired or revoked");
    }
    return new SimResponse(
        200, Map.of("Content-Type", SimResponse.JSON), new byte[0], Duration.ZERO);
  }

  private SimResponse userinfo(SimRequest r) {
    Optional<Caller> caller = r.bearerToken().flatMap(tokens::authenticate);
    if (caller.isEmpty()) {
      return SimResponse.json(
          401,
          Json.object()
              .put("error", "invalid_request")
              .put("error_description", "Invalid Credentials"));
    }
    ObjectNode out = Json.object();
    String email = caller.get().email();
    out.put("sub", subject(email)).put("email", email).put("email_verified", true);
    accounts.find(email).ifPresent(a -> out.put("name", a.spec().displayName()));
    return SimResponse.ok(out);
  }

  private SimResponse tokeninfo(Params p) {
    String token = p.firstOr("access_token", "");
    Optional<Caller> caller = tokens.authenticate(token);
    if (caller.isEmpty()) {
      return OAuthErrors.error(400, "invalid_token", "Invalid Value");
    }
    ObjectNode out = Json.object();
    out.put("sub", subject(caller.get().email()))
        .put("scope", String.join(" ", caller.get().scopes()));
    out.put("expires_in", Long.toString(tokens.secondsLeft(token).orElse(0L)));
    out.put("email", caller.get().email()).put("email_verified", "true");
    return SimResponse.ok(out);
  }

  static String subject(String email) {
    return Long.toUnsignedString(Math.abs((long) email.hashCode()) * 1_000_003L + 100_000_000_000L);
  }

  static String withQuery(String uri, String... pairs) {
    StringBuilder out = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1].isEmpty() && pairs[i].equals("state")) {
        continue;
      }
      if (out.charAt(out.length() - 1) != '?' && out.charAt(out.length() - 1) != '&') {
        out.append('&');
      }
      out.append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  static String basicUser(String header) {
    String decoded =
        new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    return decoded.substring(0, Math.max(0, decoded.indexOf(':')));
  }
}
