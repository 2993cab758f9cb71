package dev.officeflow.graphsim.identity;

import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /{tenant}/oauth2/v2.0/authorize} with automatic sign-in and consent: {@code 302} to
 * {@code redirect_uri?code=..&state=..}. The account is the {@code login_hint}, else the first one.
 * Granted = the OpenID scopes asked for + the asked-for Graph scopes the account grants (like
 * unticking boxes; {@code .default} asks for all it grants). {@code denyConsent} → {@code
 * error=access_denied} (AADSTS65004); a scope the platform does not know → {@code invalid_scope}.
 */
final class AuthorizeEndpoint {

  private final IdentityPlatform platform;

  AuthorizeEndpoint(IdentityPlatform platform) {
    this.platform = platform;
  }

  SimResponse authorize(Params p) {
    String clientId = p.firstOr("client_id", "");
    String redirect = p.firstOr("redirect_uri", "");
    if (clientId.isBlank() || redirect.isBlank()) {
      // Without somewhere to send the answer the platform shows its own error page.
      return SimResponse.text(
          400,
          "AADSTS900144: The request body must contain the following parameter: '"
              + (clientId.isBlank() ? "client_id" : "redirect_uri")
              + "'.");
    }
    String state = p.firstOr("state", "");
    Optional<Refusal> invalid = invalid(p);
    if (invalid.isPresent()) {
      return fail(redirect, state, invalid.get().error(), invalid.get().description());
    }
    Optional<DirectoryUser> user =
        p.first("login_hint")
            .filter(h -> !h.isBlank())
            .map(h -> platform.directory().byEmail(h))
            .orElseGet(() -> platform.directory().first());
    if (user.isEmpty()) {
      return fail(
          redirect,
          state,
          "invalid_request",
          "AADSTS50034: The user account "
              + p.firstOr("login_hint", "(none)")
              + " does not exist in the directory.");
    }
    if (user.get().denyConsent()) {
      return SimResponse.redirect(
          withQuery(
              redirect,
              "error",
              "access_denied",
              "error_subcode",
              "cancel",
              "error_description",
              "AADSTS65004: User declined to consent to access the app.",
              "state",
              state));
    }
    AuthorizationCodes.Code code =
        platform
            .codes()
            .issue(
                clientId,
                redirect,
                user.get().id(),
                grant(Scopes.split(p.firstOr("scope", "")), user.get()),
                p.first("code_challenge").orElse(null),
                p.firstOr("code_challenge_method", "plain"),
                p.first("nonce").orElse(null));
    return SimResponse.redirect(withQuery(redirect, "code", code.code(), "state", state));
  }

  /** The {@code error} and {@code error_description} of a request the platform refuses. */
  private record Refusal(String error, String description) {}

  private static Optional<Refusal> invalid(Params p) {
    if (!p.firstOr("response_type", "").equals("code")) {
      return Optional.of(
          new Refusal(
              "unsupported_response_type",
              "AADSTS70005: response_type '"
                  + p.firstOr("response_type", "")
                  + "' is not enabled for the application."));
    }
    String method = p.firstOr("code_challenge_method", "plain");
    if (p.has("code_challenge") && !method.equals("S256") && !method.equals("plain")) {
      return Optional.of(
          new Refusal("invalid_request", "AADSTS50149: Invalid Code_Challenge_method parameter."));
    }
    List<String> requested = Scopes.split(p.firstOr("scope", ""));
    Optional<String> unknown =
        requested.stream()
            .filter(s -> !Scopes.isDefault(s) && Scopes.normalize(s).isEmpty())
            .findFirst();
    if (requested.isEmpty() || unknown.isPresent()) {
      return Optional.of(
          new Refusal(
              "invalid_scope",
              "AADSTS70011: The provided request must include a 'scope' input parameter"
                  + unknown
                      .map(s -> " with valid scopes; the scope '" + s + "' does not exist.")
                      .orElse(".")));
    }
    return Optional.empty();
  }

  private static Set<String> grant(List<String> requested, DirectoryUser user) {
    Set<String> out = new LinkedHashSet<>();
    for (String scope : requested) {
      if (Scopes.isDefault(scope)) {
        user.grantedScopes().stream().filter(s -> !Scopes.OIDC.contains(s)).forEach(out::add);
        continue;
      }
      String s = Scopes.normalize(scope).orElseThrow();
      if (Scopes.OIDC.contains(s) || user.grantedScopes().contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static SimResponse fail(String redirect, String state, String error, String description) {
    return SimResponse.redirect(
        withQuery(redirect, "error", error, "error_description", description, "state", state));
  }

  /** Appends parameters; an empty {@code state} is left out, as the platform does. */
  static String withQuery(String uri, String... pairs) {
    StringBuilder out = new StringBuilder(uri);
    char separator = uri.contains("?") ? '&' : '?';
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1].isEmpty()) {
        continue;
      }
      out.append(separator)
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
      separator = '&';
    }
    return out.toString();
  }
}
