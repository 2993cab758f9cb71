package dev.officeflow.graphsim.identity;

import static dev.officeflow.graphsim.identity.IdentityServer.ALICE;
import static dev.officeflow.graphsim.identity.IdentityServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefreshTokenTest {

  private final IdentityServer idp = new IdentityServer();
  private JsonNode first;

  @BeforeEach
  void signIn() throws Exception {
    first = json(idp.signIn(ALICE, "offline_access openid User.Read Mail.Read"));
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void aRefreshGivesANewAccessTokenAndANewRefreshToken() throws Exception {
    idp.clock.advance(Duration.ofMinutes(61));

    JsonNode refreshed = json(idp.refresh(first.path("refresh_token").asString()));

    assertThat(idp.platform.accessTokens().resolve(first.path("access_token").asString()))
        .isEmpty();
    assertThat(refreshed.path("refresh_token").asString())
        .isNotBlank()
        .isNotEqualTo(first.path("refresh_token").asString());
    assertThat(idp.platform.accessTokens().resolve(refreshed.path("access_token").asString()))
        .isPresent();
    assertThat(refreshed.path("scope").asString()).isEqualTo(first.path("scope").asString());
  }

  @Test
  void theReplacedRefreshTokenStaysValidAsThePlatformDocuments() throws Exception {
    idp.refresh(first.path("refresh_token").asString());

    HttpResponse<String> again = idp.refresh(first.path("refresh_token").asString());

    assertThat(again.statusCode()).isEqualTo(200);
  }

  @Test
  void revokedConsentTurnsTheRefreshIntoInvalidGrant() throws Exception {
    idp.platform.revokeConsent(ALICE.id());

    HttpResponse<String> response = idp.refresh(first.path("refresh_token").asString());

    JsonNode body = json(response);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.path("error").asString()).isEqualTo("invalid_grant");
    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(65001);
    assertThat(body.path("suberror").asString()).isEqualTo("consent_required");
    assertThat(body.path("error_description").asString()).startsWith("AADSTS65001: ");
  }

  @Test
  void revokedConsentAlsoEndsTheAccessTokens() {
    idp.platform.revokeConsent(ALICE.id());

    assertThat(idp.platform.accessTokens().resolve(first.path("access_token").asString()))
        .isEmpty();
  }

  @Test
  void anAccountThatNowDeclinesConsentCannotRefresh() throws Exception {
    idp.directory.put(
        new DirectoryUser(
            ALICE.id(), ALICE.email(), ALICE.displayName(), ALICE.grantedScopes(), true));

    JsonNode body = json(idp.refresh(first.path("refresh_token").asString()));

    assertThat(body.path("error").asString()).isEqualTo("invalid_grant");
    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(65001);
  }

  @Test
  void aRefreshTokenExpiresAfterNinetyDays() throws Exception {
    idp.clock.advance(Duration.ofDays(91));

    JsonNode body = json(idp.refresh(first.path("refresh_token").asString()));

    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(700082);
  }

  @Test
  void aTokenTheSimNeverIssuedIsMalformed() throws Exception {
    JsonNode body = json(idp.refresh("not-a-refresh-token"));

    assertThat(body.path("error").asString()).isEqualTo("invalid_grant");
    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(9002313);
  }

  @Test
  void aRefreshMayNarrowTheScopesButNotWidenThem() throws Exception {
    JsonNode narrowed =
        json(
            idp.token(
                java.util.Map.of(
                    "client_id",
                    IdentityServer.CLIENT,
                    "grant_type",
                    "refresh_token",
                    "refresh_token",
                    first.path("refresh_token").asString(),
                    "scope",
                    "Mail.Read")));
    JsonNode widened =
        json(
            idp.token(
                java.util.Map.of(
                    "client_id",
                    IdentityServer.CLIENT,
                    "grant_type",
                    "refresh_token",
                    "refresh_token",
                    first.path("refresh_token").asString(),
                    "scope",
                    "Mail.Read Calendars.Read")));

    assertThat(narrowed.path("scope").asString()).isEqualTo("offline_access Mail.Read");
    assertThat(widened.path("error_codes").get(0).asInt()).isEqualTo(65001);
  }
}
