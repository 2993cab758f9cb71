package dev.officeflow.graphsim.identity;

import static dev.officeflow.graphsim.identity.IdentityServer.ALICE;
import static dev.officeflow.graphsim.identity.IdentityServer.BOB;
import static dev.officeflow.graphsim.identity.IdentityServer.CAROL;
import static dev.officeflow.graphsim.identity.IdentityServer.VERIFIER;
import static dev.officeflow.graphsim.identity.IdentityServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.simkit.web.Params;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthorizationCodeFlowTest {

  private static final String ALL =
      "offline_access openid profile email User.Read Mail.Read Calendars.Read Contacts.Read";

  private final IdentityServer idp = new IdentityServer();

  @AfterEach
  void stop() {
    idp.close();
  }

  @Test
  void authorizeRedirectsToTheClientWithACodeAndTheState() throws Exception {
    Params redirect = idp.authorize(ALICE.email(), ALL);

    assertThat(redirect.first("code")).isPresent();
    assertThat(redirect.first("state")).contains("xyz");
    assertThat(redirect.first("error")).isEmpty();
  }

  @Test
  void theCodeWithTheRightVerifierGivesTokensForTheGrantedScopes() throws Exception {
    HttpResponse<String> response = idp.signIn(ALICE, ALL);

    JsonNode body = json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
    assertThat(body.path("scope").asString().split(" ")).containsExactlyInAnyOrder(ALL.split(" "));
    assertThat(body.path("refresh_token").asString()).isNotBlank();
    assertThat(body.path("id_token").asString()).isNotBlank();
    AccessCaller caller =
        idp.platform.accessTokens().resolve(body.path("access_token").asString()).orElseThrow();
    assertThat(caller.accountId()).isEqualTo(ALICE.id());
    assertThat(caller.scopes()).contains(Scopes.MAIL_READ, Scopes.CALENDARS_READ);
  }

  @Test
  void aWrongVerifierIsInvalidGrantWithTheAadstsCode() throws Exception {
    String code = idp.authorize(ALICE.email(), ALL).first("code").orElseThrow();

    HttpResponse<String> response = idp.redeem(code, VERIFIER + "x");

    JsonNode body = json(response);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.path("error").asString()).isEqualTo("invalid_grant");
    assertThat(body.path("error_description").asString()).startsWith("AADSTS501481: ");
    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(501481);
    assertThat(body.path("trace_id").asString()).isNotBlank();
    assertThat(body.path("timestamp").asString()).isEqualTo("2026-11-20 12:00:00Z");
  }

  @Test
  void aCodeIsRedeemedOnlyOnce() throws Exception {
    String code = idp.authorize(ALICE.email(), ALL).first("code").orElseThrow();
    idp.redeem(code, VERIFIER);

    HttpResponse<String> second = idp.redeem(code, VERIFIER);

    assertThat(json(second).path("error").asString()).isEqualTo("invalid_grant");
    assertThat(json(second).path("error_codes").get(0).asInt()).isEqualTo(54005);
  }

  @Test
  void aCodeOlderThanTenMinutesIsInvalidGrant() throws Exception {
    String code = idp.authorize(ALICE.email(), ALL).first("code").orElseThrow();
    idp.clock.advance(java.time.Duration.ofMinutes(11));

    HttpResponse<String> response = idp.redeem(code, VERIFIER);

    assertThat(json(response).path("error_codes").get(0).asInt()).isEqualTo(70008);
  }

  @Test
  void scopesTheAccountDoesNotGrantAreLeftOutOfTheGrant() throws Exception {
    JsonNode body = json(idp.signIn(BOB, ALL));

    assertThat(body.path("scope").asString().split(" "))
        .contains("Mail.Read", "Contacts.Read", "offline_access")
        .doesNotContain("Calendars.Read");
  }

  @Test
  void graphScopesMayCarryTheResourcePrefixInAnyCase() throws Exception {
    JsonNode body =
        json(idp.signIn(ALICE, "openid https://graph.microsoft.com/mail.read offline_access"));

    assertThat(body.path("scope").asString()).isEqualTo("offline_access openid Mail.Read");
  }

  @Test
  void defaultScopeAsksForEverythingTheAccountGrants() throws Exception {
    JsonNode body = json(idp.signIn(BOB, "https://graph.microsoft.com/.default"));

    assertThat(body.path("scope").asString().split(" "))
        .containsExactlyInAnyOrder("User.Read", "Mail.Read", "Contacts.Read");
    assertThat(body.has("refresh_token")).isFalse();
    assertThat(body.has("id_token")).isFalse();
  }

  @Test
  void anAccountThatDeclinesConsentRedirectsWithAccessDenied() throws Exception {
    Params redirect = idp.authorize(CAROL.email(), ALL);

    assertThat(redirect.first("error")).contains("access_denied");
    assertThat(redirect.first("error_description").orElseThrow()).startsWith("AADSTS65004");
    assertThat(redirect.first("state")).contains("xyz");
    assertThat(redirect.first("code")).isEmpty();
  }

  @Test
  void anUnknownScopeRedirectsWithInvalidScope() throws Exception {
    Params redirect = idp.authorize(ALICE.email(), "openid Files.Read.Everything");

    assertThat(redirect.first("error")).contains("invalid_scope");
    assertThat(redirect.first("error_description").orElseThrow()).contains("Files.Read.Everything");
  }

  @Test
  void onlyTheSimsTenantCommonAndOrganizationsAreServed() throws Exception {
    HttpResponse<String> known = idp.get("organizations/v2.0/.well-known/openid-configuration");
    HttpResponse<String> unknown = idp.get("contoso.example/v2.0/.well-known/openid-configuration");

    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void theTokenEndpointWantsAPost() throws Exception {
    HttpResponse<String> response = idp.get("common/oauth2/v2.0/token");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asString()).isEqualTo("invalid_request");
  }

  @Test
  void aTokenRequestWithoutACodeNamesTheMissingParameter() throws Exception {
    HttpResponse<String> response =
        idp.token(
            Map.of(
                "client_id",
                IdentityServer.CLIENT,
                "grant_type",
                "authorization_code",
                "redirect_uri",
                IdentityServer.REDIRECT));

    assertThat(json(response).path("error").asString()).isEqualTo("invalid_request");
    assertThat(json(response).path("error_description").asString()).contains("'code'");
  }

  @Test
  void anUnsupportedGrantTypeIsNamed() throws Exception {
    HttpResponse<String> response =
        idp.token(Map.of("client_id", IdentityServer.CLIENT, "grant_type", "password"));

    assertThat(json(response).path("error").asString()).isEqualTo("unsupported_grant_type");
  }
}
