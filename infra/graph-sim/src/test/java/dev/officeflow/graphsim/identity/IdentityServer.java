package dev.officeflow.graphsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.web.GraphErrors;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimServer;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The identity platform alone on an ephemeral port, with Alice (every scope), Bob (no calendar) and
 * Carol (declines consent), and the browser and client steps of the code flow over HTTP.
 */
final class IdentityServer implements AutoCloseable {

  static final String NOW = "2026-11-20T12:00:00Z";
  static final String CLIENT = "6731de76-14a6-49ae-97bc-6eba6914391e";
  static final String REDIRECT = "http://127.0.0.1:8081/oauth/microsoft/callback";
  static final String VERIFIER = "a-very-long-code-verifier-with-enough-entropy-0123456789abcdef";
  static final DirectoryUser ALICE =
      new DirectoryUser(
          "6e1f3b0a-8a1c-4a43-9a55-7b2b1f0c1a01",
          "alice@acme.test",
          "Alice Example",
          Scopes.DEFAULT_GRANTED,
          false);
  static final DirectoryUser BOB =
      new DirectoryUser(
          "6e1f3b0a-8a1c-4a43-9a55-7b2b1f0c1a02",
          "bob@acme.test",
          "Bob",
          Set.of(Scopes.USER_READ, Scopes.MAIL_READ, Scopes.CONTACTS_READ),
          false);
  static final DirectoryUser CAROL =
      new DirectoryUser(
          "6e1f3b0a-8a1c-4a43-9a55-7b2b1f0c1a03",
          "carol@acme.test",
          "Carol",
          Scopes.DEFAULT_GRANTED,
          true);

  final MutableClock clock = MutableClock.at(NOW);
  final TestDirectory directory = new TestDirectory().put(ALICE).put(BOB).put(CAROL);
  final IdentityPlatform platform;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final SimServer server;

  IdentityServer() {
    platform =
        new IdentityPlatform(
            clock,
            directory,
            new Tenant(Tenant.DEFAULT_ID, this::base),
            IdentityPlatform.DEFAULT_ACCESS_TOKEN_LIFETIME);
    Router router = new Router(new GraphErrors(clock));
    platform.prefixes().forEach(p -> router.add(p, platform.api()));
    server = new SimServer("identity-test", "127.0.0.1", 0, 4, router);
  }

  String base() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /** The authorize step as a browser makes it; returns the redirect's query. */
  Params authorize(String loginHint, String scope) throws Exception {
    return authorize(Map.of("login_hint", loginHint, "scope", scope));
  }

  Params authorize(Map<String, String> overrides) throws Exception {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("client_id", CLIENT);
    p.put("response_type", "code");
    p.put("redirect_uri", REDIRECT);
    p.put("state", "xyz");
    p.put("nonce", "n-0S6_WzA2Mj");
    p.put("code_challenge", AuthorizationCodes.s256(VERIFIER).orElseThrow());
    p.put("code_challenge_method", "S256");
    p.putAll(overrides);
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "common/oauth2/v2.0/authorize?" + form(p)))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(REDIRECT + "?");
    return Params.parse(location.getRawQuery());
  }

  /** The full flow for {@code user}: authorize, then redeem the code with the right verifier. */
  HttpResponse<String> signIn(DirectoryUser user, String scope) throws Exception {
    String code = authorize(user.email(), scope).first("code").orElseThrow();
    return redeem(code, VERIFIER);
  }

  HttpResponse<String> redeem(String code, String verifier)
      throws IOException, InterruptedException {
    return token(
        Map.of(
            "client_id", CLIENT,
            "client_secret", "local-secret",
            "grant_type", "authorization_code",
            "code", code,
            "redirect_uri", REDIRECT,
            "code_verifier", verifier));
  }

  HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
    return token(
        Map.of(
            "client_id",
            CLIENT,
            "client_secret",
            "local-secret",
            "grant_type",
            "refresh_token",
            "refresh_token",
            refreshToken));
  }

  HttpResponse<String> token(Map<String, String> form) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + "common/oauth2/v2.0/token"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.MAPPER.readTree(response.body());
  }

  private static String form(Map<String, String> p) {
    return p.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Override
  public void close() {
    server.close();
  }
}
