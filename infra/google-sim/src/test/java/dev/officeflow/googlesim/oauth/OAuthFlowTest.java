package dev.officeflow.googlesim.oauth;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static dev.officeflow.googlesim.SimFixtures.JSON;
import static dev.officeflow.googlesim.SimFixtures.TRANSPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.gmail.GmailScopes;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthFlowTest {

  private static final String CLIENT = "officeflow-user.apps.googleusercontent.com";
  private static final String SECRET = "local-secret";
  private static final String REDIRECT = "http://127.0.0.1:8081/oauth/callback";
  private static final String VERIFIER =
      "a-very-long-code-verifier-with-enough-entropy-0123456789abcdef";

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private GoogleSim sim;

  @BeforeEach
  void start() {
    AccountSpec carol = AccountSpec.of("carol@acme.test").withDenyConsent(true);
    AccountSpec dave =
        AccountSpec.of("dave@acme.test").withGrantedScopes(Set.of(GmailScopes.METADATA));
    sim =
        SimFixtures.start(
            clock, SimFixtures.alice().withTokenLifetime(Duration.ofSeconds(60)), carol, dave);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void authorizeRedirectsWithACodeAndTheState() throws Exception {
    Params redirect = authorize(ALICE);

    assertThat(redirect.first("state")).contains("xyz");
    assertThat(redirect.first("code")).isPresent();
  }

  @Test
  void codeExchangeWithTheRightVerifierGivesTokensThatWorkOnGmail() throws Exception {
    TokenResponse tokens = exchange(authorize(ALICE).first("code").orElseThrow(), VERIFIER);

    assertThat(tokens.getRefreshToken()).isNotBlank();
    assertThat(tokens.getExpiresInSeconds()).isEqualTo(60L);
    assertThat(tokens.getScope().split(" "))
        .containsExactlyInAnyOrder(GmailScopes.READONLY, GmailScopes.METADATA, "email");
    assertThat(
            SimFixtures.gmail(sim, tokens.getAccessToken())
                .users()
                .getProfile("me")
                .execute()
                .getEmailAddress())
        .isEqualTo(ALICE);
  }

  @Test
  void aWrongVerifierIsInvalidGrant() throws Exception {
    String code = authorize(ALICE).first("code").orElseThrow();

    TokenResponseException e =
        catchThrowableOfType(TokenResponseException.class, () -> exchange(code, VERIFIER + "x"));

    assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
    assertThat(e.getDetails().getErrorDescription()).isEqualTo("Invalid code verifier.");
  }

  @Test
  void aCodeWorksOnlyOnce() throws Exception {
    String code = authorize(ALICE).first("code").orElseThrow();
    exchange(code, VERIFIER);

    TokenResponseException e =
        catchThrowableOfType(TokenResponseException.class, () -> exchange(code, VERIFIER));

    assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
  }

  @Test
  void refreshGivesANewAccessTokenAfterTheOldOneExpired() throws Exception {
    TokenResponse tokens = exchange(authorize(ALICE).first("code").orElseThrow(), VERIFIER);
    clock.advance(Duration.ofSeconds(61));

    GoogleJsonResponseException expired =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () ->
                SimFixtures.gmail(sim, tokens.getAccessToken()).users().getProfile("me").execute());
    TokenResponse refreshed = refresh(tokens.getRefreshToken());

    assertThat(expired.getStatusCode()).isEqualTo(401);
    assertThat(refreshed.getRefreshToken()).isNull();
    assertThat(
            SimFixtures.gmail(sim, refreshed.getAccessToken())
                .users()
                .getProfile("me")
                .execute()
                .getEmailAddress())
        .isEqualTo(ALICE);
  }

  @Test
  void aRevokedRefreshTokenIsInvalidGrant() throws Exception {
    TokenResponse tokens = exchange(authorize(ALICE).first("code").orElseThrow(), VERIFIER);

    HttpResponse<String> revoke =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + tokens.getRefreshToken()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    TokenResponseException e =
        catchThrowableOfType(TokenResponseException.class, () -> refresh(tokens.getRefreshToken()));

    assertThat(revoke.statusCode()).isEqualTo(200);
    assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
    assertThat(e.getDetails().getErrorDescription())
        .isEqualTo("Token has been expired or revoked.");
  }

  @Test
  void anAccountConfiguredToDenyRedirectsWithAccessDenied() throws Exception {
    Params redirect = authorize("carol@acme.test");

    assertThat(redirect.first("error")).contains("access_denied");
    assertThat(redirect.first("state")).contains("xyz");
    assertThat(redirect.first("code")).isEmpty();
  }

  @Test
  void onlyTheScopesTheAccountGrantsAreGranted() throws Exception {
    TokenResponse tokens =
        exchange(authorize("dave@acme.test").first("code").orElseThrow(), VERIFIER);

    assertThat(tokens.getScope()).isEqualTo(GmailScopes.METADATA);
  }

  @Test
  void forcedExpiryTurnsTheCurrentAccessTokenInto401() throws IOException {
    String token = SimFixtures.token(sim, ALICE);
    sim.admin().expireAccessTokens(ALICE);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> SimFixtures.gmail(sim, token).users().getProfile("me").execute());

    assertThat(e.getStatusCode()).isEqualTo(401);
  }

  private Params authorize(String loginHint) throws Exception {
    AuthorizationCodeRequestUrl url =
        new AuthorizationCodeRequestUrl(sim.baseUrl() + "o/oauth2/v2/auth", CLIENT)
            .setRedirectUri(REDIRECT)
            .setScopes(List.of(GmailScopes.READONLY, GmailScopes.METADATA, "email"))
            .setState("xyz");
    url.set("access_type", "offline")
        .set("login_hint", loginHint)
        .set("code_challenge", Pkce.s256(VERIFIER))
        .set("code_challenge_method", "S256");
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url.build())).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(REDIRECT + "?");
    return Params.parse(location.getRawQuery());
  }

  private TokenResponse exchange(String code, String verifier) throws IOException {
    return new AuthorizationCodeTokenRequest(
            TRANSPORT, JSON, new GenericUrl(sim.baseUrl() + "token"), code)
        .setRedirectUri(REDIRECT)
        .setClientAuthentication(new ClientParametersAuthentication(CLIENT, SECRET))
        .set("code_verifier", verifier)
        .execute();
  }

  private TokenResponse refresh(String refreshToken) throws IOException {
    return new RefreshTokenRequest(
            TRANSPORT, JSON, new GenericUrl(sim.baseUrl() + "token"), refreshToken)
        .setClientAuthentication(new ClientParametersAuthentication(CLIENT, SECRET))
        .execute();
  }
}
