package dev.officeflow.user.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.UserEvent;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.MutableClock;
import dev.officeflow.testsupport.TestDatabase;
import dev.officeflow.user.crypto.TokenCipher;
import dev.officeflow.user.crypto.TokenEncryptionSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything one test class runs against: google-sim behind a counting proxy, graph-sim (the
 * Microsoft identity platform), a clock shared by all three, a fresh database, an isolated Pub/Sub
 * catalog with collectors on the office subscriptions, and the user service. Helpers speak the
 * service's HTTP API as the frontend, the person's browser ({@link #browser}, unless a test brings
 * another), Google's redirect and the office service would.
 */
public final class Testbed implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventCodec CODEC = new EventCodec();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public final MutableClock clock = MutableClock.startingNow();
  public final GoogleSim google;
  public final CountingGoogleProxy proxy;
  public final GraphSim graph;
  public final TestDatabase database = Infrastructure.createDatabase("user");
  public final String prefix = IsolatedCatalog.apply();

  /** The browser of every flow that names none: one person's, whoever signs in. */
  public final Browser browser = Browser.open();

  private final EmulatorPubSub pubsub = new EmulatorPubSub();
  private final EmulatorPubSub.Collector integrationEvents;
  private final EmulatorPubSub.Collector userEvents;
  private RunningUserService service;
  private UserFixtures.Keys keys;
  private Map<String, Object> properties;

  private Testbed(UserFixtures.Keys keys, Map<String, Object> properties) {
    google = GoogleSim.start(GoogleSimConfig.defaults().withPort(0).withClock(clock));
    proxy = CountingGoogleProxy.in(google.baseUrl());
    graph = GraphSim.start(GraphSimConfig.defaults().withPort(0).withClock(clock));
    integrationEvents = pubsub.collect(prefix + "office-integrations");
    userEvents = pubsub.collect(prefix + "office-users");
    this.keys = keys;
    this.properties = Map.copyOf(properties);
    service = RunningUserService.start(setup());
  }

  /** The service as the local profile runs it, with one token-encryption key of its own. */
  public static Testbed start() {
    return start(Map.of());
  }

  /** ... with these properties as well (demo logins off, signing keys). */
  public static Testbed start(Map<String, Object> properties) {
    return new Testbed(UserFixtures.Keys.only("k1", UserFixtures.aesKey()), properties);
  }

  public static Testbed start(UserFixtures.Keys keys) {
    return new Testbed(keys, Map.of());
  }

  public RunningUserService service() {
    return service;
  }

  /** Stops the service and starts another on the same database with other encryption keys. */
  public void restartWith(UserFixtures.Keys keys) {
    service.close();
    this.keys = keys;
    service = RunningUserService.start(setup());
  }

  /** Stops the service and starts another on the same database with these properties instead. */
  public void restartWith(Map<String, Object> newProperties) {
    service.close();
    this.properties = Map.copyOf(newProperties);
    service = RunningUserService.start(setup());
  }

  /** A second instance of the service on the same database, Redis, Pub/Sub and google-sim. */
  public RunningUserService anotherInstance() {
    return RunningUserService.start(setup());
  }

  /** Adds an account to google-sim and returns its address. */
  public String account(AccountSpec spec) {
    google.admin().createAccount(spec);
    return spec.email();
  }

  /** A demo session for {@code email}: the user JWT. */
  public String session(String email) {
    HttpResponse<String> response =
        service.post("/v1/dev/session", "{\"email\":\"" + email + "\"}", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).path("access_token").asString();
  }

  public String userId(String email) {
    HttpResponse<String> response =
        service.post("/v1/dev/session", "{\"email\":\"" + email + "\"}", null);
    return json(response).path("user_id").asString();
  }

  /**
   * Starts connecting in {@link #browser} and follows Google's authorize redirect: the callback URL
   * Google chose.
   */
  public URI authorize(String email) {
    return consent(startConnecting(session(email), email, browser), browser);
  }

  /**
   * {@code POST /v1/integrations/google/start} from {@code in} (which keeps the cookie) for the
   * holder of {@code jwt}, with Google's account {@code loginHint} preselected: the authorization
   * URL.
   */
  public String startConnecting(String jwt, String loginHint, Browser in) {
    return startConnecting("google", jwt, loginHint, in);
  }

  /**
   * {@code POST /v1/integrations/{provider}/start}, as {@link #startConnecting(String, String,
   * Browser)}.
   */
  public String startConnecting(String provider, String jwt, String loginHint, Browser in) {
    HttpResponse<String> started =
        in.post(
            service.baseUrl() + "/v1/integrations/" + provider + "/start",
            "{\"login_hint\":\"" + loginHint + "\"}",
            jwt);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return json(started).path("authorization_url").asString();
  }

  /** The consent at google-sim, in {@code in}: the callback URL Google redirects to. */
  public URI consent(String authorizationUrl, Browser in) {
    HttpResponse<String> consent = in.get(authorizationUrl);
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
    return URI.create(consent.headers().firstValue("Location").orElseThrow());
  }

  /** Google's redirect arrives at the callback, in {@link #browser}. */
  public HttpResponse<String> callback(URI callback) {
    return callback(callback, browser);
  }

  /** Google's redirect arrives at the callback, in {@code in}. */
  public HttpResponse<String> callback(URI callback, Browser in) {
    return in.get(callback.toString());
  }

  /** Adds an account to graph-sim and returns its address. */
  public String microsoftAccount(dev.officeflow.graphsim.account.AccountSpec spec) {
    graph.admin().createAccount(spec);
    return spec.email();
  }

  /**
   * Starts connecting Microsoft in {@link #browser} and follows the identity platform's authorize
   * redirect: the callback URL it chose.
   */
  public URI authorizeMicrosoft(String email) {
    return consent(startConnecting("microsoft", session(email), email, browser), browser);
  }

  /** The whole Microsoft connect flow for a new graph-sim account; the user's id. */
  public String connectMicrosoft(String email) {
    microsoftAccount(dev.officeflow.graphsim.account.AccountSpec.of(email));
    HttpResponse<String> done = callback(authorizeMicrosoft(email));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    return userId(email);
  }

  /**
   * {@code POST /internal/tokens/get} for the user's {@code provider} integration, as the office.
   */
  public HttpResponse<String> token(String userId, String provider) {
    String body =
        JSON.writeValueAsString(Map.of("user_id", userId.toString(), "provider", provider));
    return service.post("/internal/tokens/get", body, UserFixtures.OFFICE_TOKEN);
  }

  /** {@code POST /v1/sessions/microsoft} with an id_token. */
  public HttpResponse<String> signInWithMicrosoft(String idToken) {
    return service.post(
        "/v1/sessions/microsoft", JSON.writeValueAsString(Map.of("id_token", idToken)), null);
  }

  /** {@code POST /v1/sessions/google} with an ID token. */
  public HttpResponse<String> signInWithGoogle(String idToken) {
    return service.post(
        "/v1/sessions/google", JSON.writeValueAsString(Map.of("id_token", idToken)), null);
  }

  /** The whole connect flow for a new google-sim account; the user's id. */
  public String connect(String email) {
    account(UserFixtures.account(email));
    HttpResponse<String> done = callback(authorize(email));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    return userId(email);
  }

  /** {@code POST /internal/tokens/get} with the service credential. */
  public HttpResponse<String> token(String userId, List<String> requiredScopes) {
    return token(service, userId, requiredScopes);
  }

  /** {@code POST /internal/tokens/get} reporting a token Google answered 401 to. */
  public HttpResponse<String> tokenAfterRejection(String userId, String rejectedAccessToken) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "user_id",
                userId.toString(),
                "provider",
                "google",
                "rejected_access_token",
                rejectedAccessToken));
    return service.post("/internal/tokens/get", body, UserFixtures.OFFICE_TOKEN);
  }

  /** {@code POST /internal/tokens/get} on a given instance, as the office service. */
  public static HttpResponse<String> token(
      RunningUserService instance, String userId, List<String> requiredScopes) {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "user_id",
                userId.toString(),
                "provider",
                "google",
                "required_scopes",
                requiredScopes));
    return instance.post("/internal/tokens/get", body, UserFixtures.OFFICE_TOKEN);
  }

  /** The access token {@code /internal/tokens/get} serves now (asserting it serves one). */
  public String accessToken(String userId) {
    HttpResponse<String> response = token(userId, List.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).path("access_token").asString();
  }

  /** Revokes a grant at google-sim directly, as the user would in their Google account. */
  public void revokeAtGoogle(String token) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(google.baseUrl() + "revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** Whether google-sim still accepts an access token (its userinfo answers 200). */
  public boolean googleAccepts(String accessToken) {
    return send(HttpRequest.newBuilder(URI.create(google.baseUrl() + "oauth2/v3/userinfo"))
                .header("Authorization", "Bearer " + accessToken)
                .build())
            .statusCode()
        == 200;
  }

  /** Whether Graph (graph-sim) still accepts an access token: {@code GET /v1.0/me} answers 200. */
  public boolean graphAccepts(String accessToken) {
    return send(HttpRequest.newBuilder(URI.create(graph.graphUrl() + "/me"))
                .header("Authorization", "Bearer " + accessToken)
                .build())
            .statusCode()
        == 200;
  }

  /**
   * The user's stored tokens with {@code provider}, decrypted with the test's keys as only the
   * service could: access token, then refresh token (null when none).
   */
  public List<String> storedTokens(String userId, String provider) {
    TokenCipher cipher = new TokenCipher(new TokenEncryptionSettings(keys.current(), keys.byId()));
    List<byte[]> columns = sql().tokenColumns(userId);
    String user = userId.toString();
    return java.util.Arrays.asList(
        cipher.decrypt(columns.get(0), new TokenCipher.Binding(user, provider, "access_token")),
        columns.get(1) == null
            ? null
            : cipher.decrypt(
                columns.get(1), new TokenCipher.Binding(user, provider, "refresh_token")));
  }

  /** {@code GET /v1/integrations} as {@code email}'s frontend would (asserting a 200). */
  public List<JsonNode> integrationsOf(String email) {
    HttpResponse<String> response = service.get("/v1/integrations", session(email));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).path("integrations").valueStream().toList();
  }

  /** Asserts that a failed connect left nothing behind: no integration, tokens or audit row. */
  public void assertNothingStored(String email) {
    String userId = userId(email);
    assertThat(sql().count("integrations", userId)).isZero();
    assertThat(sql().count("integration_tokens", userId)).isZero();
    assertThat(sql().count("integration_audit", userId)).isZero();
  }

  /** An integration's {@code scopes} as listed by {@code GET /v1/integrations}. */
  public static List<String> scopes(JsonNode integration) {
    return integration.path("scopes").valueStream().map(JsonNode::asString).toList();
  }

  /** A provider's redirect with one query parameter replaced, as an attacker would tamper it. */
  public static URI with(URI callback, String parameter, String value) {
    return UriComponentsBuilder.fromUri(callback)
        .replaceQueryParam(parameter, value)
        .build(true)
        .toUri();
  }

  public List<IntegrationEvent> integrationEvents(String userId) {
    return events(integrationEvents, IntegrationEvent.class, userId);
  }

  public List<UserEvent> userEvents(String userId) {
    return events(userEvents, UserEvent.class, userId);
  }

  public Sql sql() {
    return new Sql(database);
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static <E extends OfficeEvent> List<E> events(
      EmulatorPubSub.Collector collector, Class<E> type, String userId) {
    return collector.messages().stream()
        .map(m -> CODEC.decode(m.getData().toByteArray(), type))
        .filter(e -> e.userId().equals(userId.toString()))
        .toList();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private RunningUserService.Setup setup() {
    return new RunningUserService.Setup(
        prefix,
        database,
        clock,
        proxy.baseUrl(),
        google.issuer(),
        graph.baseUrl(),
        keys,
        properties);
  }

  @Override
  public void close() throws Exception {
    service.close();
    integrationEvents.close();
    userEvents.close();
    pubsub.close();
    proxy.close();
    google.close();
    graph.close();
  }
}
