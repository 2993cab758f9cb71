package dev.officeflow.user.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.user.crypto.TokenCipher;
import dev.officeflow.user.testing.Browser;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Connecting Microsoft through graph-sim (the identity platform's v2.0 endpoints): the whole flow,
 * what it stores and announces, and every way it must not connect.
 */
@TestbedTest
class MicrosoftConnectIT {

  private final Testbed bed;

  MicrosoftConnectIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void theAuthorizationUrlAsksTheTenantForCodeWithPkceNonceAndTheScopes() {
    String email = UserFixtures.email("abe");
    URI url =
        URI.create(bed.startConnecting("microsoft", bed.session(email), email, Browser.open()));

    var query = UriComponentsBuilder.fromUri(url).build().getQueryParams();
    assertThat(url.toString()).startsWith(bed.graph.baseUrl() + "common/oauth2/v2.0/authorize?");
    assertThat(query.getFirst("client_id")).isEqualTo("officeflow-local");
    assertThat(query.getFirst("response_type")).isEqualTo("code");
    assertThat(query.getFirst("response_mode")).isEqualTo("query");
    assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
    assertThat(query.getFirst("code_challenge")).hasSize(43);
    assertThat(query.getFirst("nonce")).hasSize(43);
    assertThat(query.getFirst("login_hint")).isEqualTo(email);
    assertThat(query.getFirst("scope"))
        .isEqualTo(
            "offline_access%20openid%20profile%20email%20User.Read%20Mail.Read"
                + "%20Calendars.Read%20Contacts.Read");
  }

  @Test
  void connectingMakesTheIntegrationActiveAndSendsTheBrowserToTheFrontend() {
    String email = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("bea")));

    HttpResponse<String> done = bed.callback(bed.authorizeMicrosoft(email));

    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location"))
        .hasValue("http://frontend.test/connected?integration=microsoft&status=active");
    JsonNode integration = bed.integrationsOf(email).get(0);
    assertThat(integration.path("provider").asString()).isEqualTo("microsoft");
    assertThat(integration.path("status").asString()).isEqualTo("active");
    assertThat(integration.path("account_email").asString()).isEqualTo(email);
    assertThat(Testbed.scopes(integration))
        .contains("Mail.Read", "Calendars.Read", "Contacts.Read", "User.Read")
        .noneMatch(s -> s.startsWith("https://graph.microsoft.com/"));
  }

  @Test
  void connectingPublishesIntegrationCreatedForMicrosoftOnIntegrations() {
    String email = UserFixtures.email("cal");
    String userId = bed.connectMicrosoft(email);

    await().atMost(Duration.ofSeconds(30)).until(() -> !bed.integrationEvents(userId).isEmpty());
    IntegrationEvent event = bed.integrationEvents(userId).get(0);
    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.status()).isEqualTo(IntegrationStatus.ACTIVE);
    assertThat(event.provider()).isEqualTo("microsoft");
    assertThat(event.accountEmail()).isEqualTo(email);
    assertThat(event.scopes()).contains("Mail.Read", "Calendars.Read");
  }

  @Test
  void tokensAreStoredEncryptedUnderTheCurrentKeyAndWorkAtGraph() {
    String userId = bed.connectMicrosoft(UserFixtures.email("dee"));
    List<String> tokens = bed.storedTokens(userId, "microsoft");

    for (byte[] column : bed.sql().tokenColumns(userId)) {
      String raw = new String(column, StandardCharsets.ISO_8859_1);
      assertThat(raw).doesNotContain(tokens.get(0)).doesNotContain(tokens.get(1));
      assertThat(TokenCipher.keyIdOf(column)).isEqualTo("k1");
    }
    assertThat(tokens.get(1)).as("a refresh token (offline_access)").isNotBlank();
    assertThat(bed.graphAccepts(tokens.get(0))).isTrue();
  }

  @Test
  void connectingIsRecordedInTheAuditLog() {
    String userId = bed.connectMicrosoft(UserFixtures.email("eli"));

    List<List<Object>> audit =
        bed.sql()
            .query(
                "SELECT provider, action, old_status, new_status FROM integration_audit"
                    + " WHERE user_id = ?",
                userId);

    assertThat(audit).containsExactly(Arrays.asList("microsoft", "connected", null, "active"));
  }

  @Test
  void aCallbackInABrowserThatDidNotStartLinksNothing() {
    String attacker = UserFixtures.email("mallory");
    String victim = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("vic")));
    String url = bed.startConnecting("microsoft", bed.session(attacker), victim, Browser.open());
    Browser victims = Browser.open();
    URI callback = bed.consent(url, victims);

    HttpResponse<String> response = bed.callback(callback, victims);

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode problem = Testbed.json(response);
    assertThat(problem.path("code").asString()).isEqualTo("oauth_browser_mismatch");
    assertThat(problem.path("provider").asString()).isEqualTo("microsoft");
    assertThat(problem.path("detail").asString()).contains("Connect Microsoft");
    bed.assertNothingStored(attacker);
    bed.assertNothingStored(victim);
  }

  @Test
  void aGoogleStateBroughtToTheMicrosoftCallbackIsRefused() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("fin")));
    URI googleCallback = bed.authorize(email);
    URI crossed =
        UriComponentsBuilder.fromUri(googleCallback)
            .replacePath("/v1/integrations/microsoft/callback")
            .build(true)
            .toUri();

    HttpResponse<String> response = bed.callback(crossed);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Testbed.json(response).path("detail").asString()).contains("another provider");
    bed.assertNothingStored(email);
  }

  @Test
  void declinedConsentIsReportedAsSuchAndNothingIsStored() {
    String email =
        bed.microsoftAccount(AccountSpec.of(UserFixtures.email("gil")).withDenyConsent(true));
    URI callback = bed.authorizeMicrosoft(email);
    assertThat(callback.getQuery()).contains("error=access_denied");

    HttpResponse<String> response = bed.callback(callback);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("code").asString()).isEqualTo("access_denied");
    assertThat(body.path("provider").asString()).isEqualTo("microsoft");
    assertThat(body.path("detail").asString()).contains("declined", "nothing was connected");
    bed.assertNothingStored(email);
  }

  @Test
  void aCodeThePlatformRejectsGivesAClear400AndNothingIsStored() {
    String email = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("hoa")));
    URI callback =
        Testbed.with(bed.authorizeMicrosoft(email), "code", "0.not-a-code-the-platform-issued");

    HttpResponse<String> response = bed.callback(callback);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("code").asString()).isEqualTo("authorization_rejected");
    assertThat(body.path("provider_error").asString()).isEqualTo("invalid_grant");
    assertThat(body.path("detail").asString()).contains("AADSTS");
    bed.assertNothingStored(email);
  }

  @Test
  void anAttackerShapedProviderErrorIsNotEchoedAsTheProblemCode() {
    String email = bed.microsoftAccount(AccountSpec.of(UserFixtures.email("ida")));
    URI callback =
        UriComponentsBuilder.fromUri(bed.authorizeMicrosoft(email))
            .replaceQueryParam("code")
            .replaceQueryParam("error", "%3Cscript%3E")
            .build(true)
            .toUri();

    HttpResponse<String> response = bed.callback(callback);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Testbed.json(response).path("code").asString()).isEqualTo("provider_error");
    bed.assertNothingStored(email);
  }

  @Test
  void theFrontendsOriginMayStartConnectingFromItsPageWithCredentials() {
    HttpResponse<String> preflight = preflight("http://frontend.test");

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://frontend.test");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
  }

  @Test
  void anotherOriginIsNotAllowedToCallTheApiFromABrowser() {
    HttpResponse<String> preflight = preflight("http://evil.test");

    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /** The browser's CORS preflight before the VIP page's {@code POST .../microsoft/start}. */
  private HttpResponse<String> preflight(String origin) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create(bed.service().baseUrl() + "/v1/integrations/microsoft/start"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", origin)
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "authorization,content-type")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
