package dev.officeflow.user.connect;

import static dev.officeflow.user.testing.UserFixtures.CALENDAR_READONLY;
import static dev.officeflow.user.testing.UserFixtures.GMAIL_READONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.user.crypto.TokenCipher;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Connecting Google through google-sim: the happy path, and every way it must not connect. */
@TestbedTest
class GoogleConnectIT {

  private final Testbed bed;

  GoogleConnectIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void connectingMakesTheIntegrationActiveAndSendsTheBrowserToTheFrontend() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("ana")));

    HttpResponse<String> done = bed.callback(bed.authorize(email));

    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location"))
        .hasValue("http://frontend.test/connected?integration=google&status=active");
    JsonNode integration = bed.integrationsOf(email).get(0);
    assertThat(integration.path("status").asString()).isEqualTo("active");
    assertThat(integration.path("account_email").asString()).isEqualTo(email);
    assertThat(Testbed.scopes(integration)).contains(GMAIL_READONLY, CALENDAR_READONLY);
  }

  @Test
  void connectingPublishesIntegrationCreatedOnIntegrations() {
    String email = UserFixtures.email("ben");
    String userId = bed.connect(email);

    await().atMost(Duration.ofSeconds(30)).until(() -> !bed.integrationEvents(userId).isEmpty());
    IntegrationEvent event = bed.integrationEvents(userId).get(0);
    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.status()).isEqualTo(IntegrationStatus.ACTIVE);
    assertThat(event.provider()).isEqualTo("google");
    assertThat(event.accountEmail()).isEqualTo(email);
    assertThat(event.scopes()).contains(GMAIL_READONLY, CALENDAR_READONLY);
  }

  @Test
  void tokenColumnsHoldCiphertextUnderTheCurrentKeyNeverTheTokens() {
    String userId = bed.connect(UserFixtures.email("cem"));
    String accessToken = bed.accessToken(userId);

    List<byte[]> columns = bed.sql().tokenColumns(userId);

    for (byte[] column : columns) {
      String raw = new String(column, StandardCharsets.ISO_8859_1);
      assertThat(raw).doesNotContain(accessToken).doesNotContain("ya29.").doesNotContain("1//0");
      assertThat(TokenCipher.keyIdOf(column)).isEqualTo("k1");
    }
  }

  @Test
  void connectingIsRecordedInTheAuditLog() {
    String userId = bed.connect(UserFixtures.email("cy"));

    List<List<Object>> audit =
        bed.sql()
            .query(
                "SELECT action, old_status, new_status FROM integration_audit WHERE user_id = ?",
                userId);

    assertThat(audit).containsExactly(java.util.Arrays.asList("connected", null, "active"));
  }

  @Test
  void reusedStateIsRejectedWithoutCallingGoogleAgain() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("dan")));
    URI callback = bed.authorize(email);
    assertThat(bed.callback(callback).statusCode()).isEqualTo(302);
    long exchanges = bed.proxy.codeExchanges();

    HttpResponse<String> again = bed.callback(callback);

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Testbed.json(again).path("code").asString()).isEqualTo("invalid_state");
    assertThat(bed.proxy.codeExchanges()).isEqualTo(exchanges);
    assertThat(bed.sql().count("integrations", bed.userId(email))).isEqualTo(1);
  }

  @Test
  void forgedStateIsRejectedAndNothingIsStored() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("eva")));
    URI forged = Testbed.with(bed.authorize(email), "state", "forged-" + UUID.randomUUID());

    HttpResponse<String> response = bed.callback(forged);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Testbed.json(response).path("code").asString()).isEqualTo("invalid_state");
    bed.assertNothingStored(email);
  }

  @Test
  void expiredStateIsRejectedAndNothingIsStored() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("fay")));
    URI callback = bed.authorize(email);
    bed.clock.advance(Duration.ofMinutes(11));

    HttpResponse<String> response = bed.callback(callback);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Testbed.json(response).path("detail").asString()).contains("expired");
    bed.assertNothingStored(email);
  }

  @Test
  void declinedConsentIsReportedAsSuchAndNothingIsStored() {
    String email = bed.account(UserFixtures.decliningAccount(UserFixtures.email("gus")));
    URI callback = bed.authorize(email);
    assertThat(callback.getQuery()).contains("error=access_denied");

    HttpResponse<String> response = bed.callback(callback);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("code").asString()).isEqualTo("access_denied");
    assertThat(body.path("detail").asString()).contains("declined", "nothing was connected");
    bed.assertNothingStored(email);
  }

  @Test
  void codeThatGoogleRejectsGivesAClear400AndNothingIsStored() {
    String email = bed.account(UserFixtures.account(UserFixtures.email("hal")));
    URI callback = Testbed.with(bed.authorize(email), "code", "4/0simNotACodeGoogleIssued");

    HttpResponse<String> response = bed.callback(callback);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("code").asString()).isEqualTo("authorization_rejected");
    assertThat(body.path("provider_error").asString()).isEqualTo("invalid_grant");
    bed.assertNothingStored(email);
  }
}
