package dev.officeflow.graphsim;

import static dev.officeflow.graphsim.GraphSimFixtures.ALICE;
import static dev.officeflow.graphsim.GraphSimFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.simkit.web.Params;
import dev.officeflow.testsupport.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole path a client takes: authorize, token, then Graph with the access token. */
class SignInThroughTheSimTest {

  private static final String CLIENT = "officeflow-local";
  private static final String REDIRECT = "http://127.0.0.1:8081/callback";
  private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-0123456789";

  private final GraphSim sim =
      GraphSimFixtures.start(
          MutableClock.at(GraphSimFixtures.NOW),
          GraphSimFixtures.small(ALICE).withoutScope("Calendars.Read"));

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void anAccessTokenFromTheCodeFlowReadsMeAndIsThrottledAsItsApp() throws Exception {
    JsonNode tokens = signIn();
    HttpResponse<String> me =
        GraphSimFixtures.get(sim, "v1.0/me", tokens.path("access_token").asString());

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(body(me).path("mail").asString()).isEqualTo(ALICE);
    assertThat(tokens.path("scope").asString()).doesNotContain("Calendars.Read");
    assertThat(sim.admin().stats().byAccount()).containsEntry(sim.admin().account(ALICE).id(), 1L);
  }

  @Test
  void revokedConsentMakesTheRefreshInvalidGrant() throws Exception {
    JsonNode tokens = signIn();
    sim.admin().revokeConsent(ALICE);

    HttpResponse<String> refresh =
        post(
            "client_id="
                + CLIENT
                + "&grant_type=refresh_token&refresh_token="
                + enc(tokens.path("refresh_token").asString()));

    assertThat(refresh.statusCode()).isEqualTo(400);
    assertThat(body(refresh).path("error").asString()).isEqualTo("invalid_grant");
    assertThat(body(refresh).path("error_codes").get(0).asInt()).isEqualTo(65001);
  }

  private JsonNode signIn() throws Exception {
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
    String authorize =
        sim.oauthUrl()
            + "authorize?client_id="
            + CLIENT
            + "&response_type=code&redirect_uri="
            + enc(REDIRECT)
            + "&scope="
            + enc("openid offline_access User.Read Mail.Read Calendars.Read")
            + "&state=s1&code_challenge="
            + challenge
            + "&code_challenge_method=S256&login_hint="
            + enc(ALICE);
    HttpResponse<String> redirect =
        GraphSimFixtures.send(
            HttpRequest.newBuilder(URI.create(authorize))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    String code =
        Params.parse(
                URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery())
            .first("code")
            .orElseThrow();
    HttpResponse<String> token =
        post(
            "client_id="
                + CLIENT
                + "&grant_type=authorization_code&code="
                + enc(code)
                + "&redirect_uri="
                + enc(REDIRECT)
                + "&code_verifier="
                + VERIFIER);
    assertThat(token.statusCode()).isEqualTo(200);
    return body(token);
  }

  private HttpResponse<String> post(String form) {
    return GraphSimFixtures.send(
        HttpRequest.newBuilder(URI.create(sim.oauthUrl() + "token"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
