package dev.officeflow.googlesim.oauth;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.testsupport.MutableClock;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OpenID Connect: ID tokens from the token endpoint and the admin API, checked as a client would.
 */
class IdTokenTest {

  private static final String CLIENT = "officeflow-local";
  private static final String REDIRECT = "http://127.0.0.1:8081/callback";

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private GoogleSim sim;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.alice());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void anOpenidConsentYieldsAnIdTokenForTheClientSignedByTheKeySet() throws Exception {
    JsonNode tokens = exchange(authorize("openid email", "n-0S6"));

    JsonNode claims = verifiedClaims(tokens.path("id_token").asString());

    assertThat(claims.path("iss").asString()).isEqualTo(sim.issuer());
    assertThat(claims.path("aud").asString()).isEqualTo(CLIENT);
    assertThat(claims.path("azp").asString()).isEqualTo(CLIENT);
    assertThat(claims.path("email").asString()).isEqualTo(ALICE);
    assertThat(claims.path("email_verified").asBoolean()).isTrue();
    assertThat(claims.path("sub").asString()).isEqualTo(OAuthApi.subject(ALICE));
    assertThat(claims.path("nonce").asString()).isEqualTo("n-0S6");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
    assertThat(claims.path("iat").asLong())
        .isEqualTo(Instant.parse(SimFixtures.NOW).getEpochSecond());
  }

  @Test
  void withoutOpenidTheTokenEndpointIssuesNoIdToken() throws Exception {
    JsonNode tokens = exchange(authorize("email", "n-1"));

    assertThat(tokens.has("access_token")).isTrue();
    assertThat(tokens.has("id_token")).isFalse();
  }

  @Test
  void theAdminApiMintsAnIdTokenForAnAccountAndAudience() throws Exception {
    String body =
        "{\"audience\":\"another-client\",\"emailVerified\":false,\"lifetimeSeconds\":60}";
    HttpResponse<String> minted = post("sim/accounts/" + ALICE + "/id-token", body);

    assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
    JsonNode claims =
        verifiedClaims(Json.MAPPER.readTree(minted.body()).get("id_token").asString());
    assertThat(claims.path("aud").asString()).isEqualTo("another-client");
    assertThat(claims.path("email_verified").asBoolean()).isFalse();
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(60);
  }

  @Test
  void anIdTokenForAnUnknownAccountIs404() throws Exception {
    assertThat(post("sim/accounts/nobody@acme.test/id-token", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void theIssuerIsConfigurable() {
    try (GoogleSim named =
        GoogleSim.start(
            GoogleSimConfig.defaults()
                .withPort(0)
                .withClock(clock)
                .withAccount(SimFixtures.alice())
                .withIssuer("http://google-sim:8090"))) {
      String token = named.admin().issueIdToken(ALICE, CLIENT);

      assertThat(claims(token).path("iss").asString()).isEqualTo("http://google-sim:8090");
    }
  }

  private String authorize(String scope, String nonce) throws Exception {
    String url =
        sim.baseUrl()
            + "o/oauth2/v2/auth?response_type=code&client_id="
            + CLIENT
            + "&redirect_uri="
            + encode(REDIRECT)
            + "&scope="
            + encode(scope)
            + "&state=s1&nonce="
            + nonce
            + "&login_hint="
            + encode(ALICE);
    HttpResponse<String> consent =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(consent.statusCode()).isEqualTo(302);
    URI location = URI.create(consent.headers().firstValue("Location").orElseThrow());
    return Params.parse(location.getRawQuery()).first("code").orElseThrow();
  }

  private JsonNode exchange(String code) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&client_id="
                            + CLIENT
                            + "&client_secret=s&redirect_uri="
                            + encode(REDIRECT)
                            + "&code="
                            + encode(code)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  /** The claims, after checking the signature against the key the key set names. */
  private JsonNode verifiedClaims(String token) throws Exception {
    String[] parts = token.split("\\.");
    JsonNode header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode keys = Json.MAPPER.readTree(get(sim.jwksUrl()).body()).get("keys");
    JsonNode key =
        keys.valueStream()
            .filter(k -> k.path("kid").asString().equals(header.path("kid").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(header.path("alg").asString()).isEqualTo("RS256");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(publicKey(key));
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    return claims(token);
  }

  private static JsonNode claims(String token) {
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private static PublicKey publicKey(JsonNode jwk) throws Exception {
    return KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
  }

  private static BigInteger unsigned(JsonNode jwk, String field) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get(field).asString()));
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
