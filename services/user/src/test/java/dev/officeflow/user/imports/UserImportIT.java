package dev.officeflow.user.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.googlesim.oauth.TokenGrant;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import dev.officeflow.user.testing.UserFixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/users/import} against PostgreSQL and google-sim: users of the reference
 * services keep their ids (not uuids) through the token API, sign-in, {@code /v1/me} and the JWT.
 */
@TestbedTest
class UserImportIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String IMPORT = "/internal/users/import";

  private final Testbed bed;

  UserImportIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void anImportedUserKeepsTheirIdThroughTokenGetSignInMeAndTheJwt() throws Exception {
    String id = referenceId();
    String email = bed.account(UserFixtures.account(UserFixtures.email("ada")));
    TokenGrant grant = bed.google.admin().issueTokens(email);

    HttpResponse<String> imported = importUser(user(id, email, google(grant, false)), false);

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    JsonNode body = Testbed.json(imported);
    assertThat(body.path("user_id").asString()).isEqualTo(id);
    assertThat(body.path("user").asString()).isEqualTo("created");
    assertThat(body.path("integrations").get(0).path("result").asString()).isEqualTo("created");
    assertThat(body.path("integrations").get(0).path("announced").asBoolean()).isFalse();
    HttpResponse<String> token = bed.token(id, "google");
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    assertThat(bed.googleAccepts(Testbed.json(token).path("access_token").asString())).isTrue();
    String jwt = bed.session(email);
    assertThat(SignedJWT.parse(jwt).getJWTClaimsSet().getSubject()).isEqualTo(id);
    HttpResponse<String> me = bed.service().get("/v1/me", jwt);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(Testbed.json(me).path("id").asString()).isEqualTo(id);
  }

  @Test
  void importedTokensAreEncryptedAtRestBoundToTheImportedId() {
    String id = referenceId();
    String email = UserFixtures.email("bo");
    Map<String, Object> integration = google("ya29.imported-access", "1//imported-refresh", true);

    assertThat(importUser(user(id, email, integration), false).statusCode()).isEqualTo(201);

    List<byte[]> columns = bed.sql().tokenColumns(id);
    assertThat(new String(columns.get(0), StandardCharsets.ISO_8859_1))
        .doesNotContain("ya29.imported-access");
    assertThat(new String(columns.get(1), StandardCharsets.ISO_8859_1))
        .doesNotContain("1//imported-refresh");
    assertThat(bed.storedTokens(id, "google"))
        .containsExactly("ya29.imported-access", "1//imported-refresh");
  }

  @Test
  void importingTheSameUserAgainChangesNothingAndSaysSo() {
    String id = referenceId();
    String email = UserFixtures.email("cy");
    Map<String, Object> user = user(id, email, google("ya29.same", "1//same", true));
    String first =
        Testbed.json(importUser(user, false))
            .path("integrations")
            .get(0)
            .path("integration_id")
            .asString();
    long audit = bed.sql().count("integration_audit", id);

    HttpResponse<String> again = importUser(user, false);

    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonNode body = Testbed.json(again);
    assertThat(body.path("changed").asBoolean()).isFalse();
    assertThat(body.path("user").asString()).isEqualTo("unchanged");
    assertThat(body.path("integrations").get(0).path("result").asString()).isEqualTo("unchanged");
    assertThat(body.path("integrations").get(0).path("integration_id").asString()).isEqualTo(first);
    assertThat(bed.sql().count("integrations", id)).isEqualTo(1);
    assertThat(bed.sql().count("integration_audit", id)).isEqualTo(audit);
  }

  @Test
  void anIntegrationWhoseTokenWasRefreshedSinceIsKeptNotOverwritten() {
    String id = referenceId();
    String email = bed.account(UserFixtures.account(UserFixtures.email("dag")));
    TokenGrant grant = bed.google.admin().issueTokens(email);
    Map<String, Object> user = user(id, email, google(grant, false));
    importUser(user, false);
    String refreshed = bed.accessToken(id);

    HttpResponse<String> again = importUser(user, false);

    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(Testbed.json(again).path("integrations").get(0).path("result").asString())
        .isEqualTo("kept");
    assertThat(bed.storedTokens(id, "google").get(0)).isEqualTo(refreshed);
  }

  @Test
  void anAddressAnotherUserHoldsIs409NamingThemAndImportsNothing() {
    String email = UserFixtures.email("eve");
    String holder = bed.userId(email);
    String id = referenceId();

    HttpResponse<String> response =
        importUser(
            user(id, email.toUpperCase(java.util.Locale.ROOT), google("a", "r", true)), false);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    JsonNode body = Testbed.json(response);
    assertThat(body.path("code").asString()).isEqualTo("email_in_use");
    assertThat(body.path("existing_user_id").asString()).isEqualTo(holder);
    assertThat(body.path("detail").asString()).contains(holder);
    assertThat(bed.sql().count("users", id)).isZero();
    assertThat(bed.sql().count("integrations", id)).isZero();
  }

  @Test
  void theSameIdWithAnotherAddressIs409() {
    String id = referenceId();
    importUser(user(id, UserFixtures.email("fay"), google("a", "r", true)), false);

    HttpResponse<String> response =
        importUser(user(id, UserFixtures.email("gus"), google("a", "r", true)), false);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(Testbed.json(response).path("code").asString()).isEqualTo("user_conflict");
  }

  @Test
  void aUserDeletedHereIsNotBroughtBack() {
    String id = referenceId();
    String email = UserFixtures.email("hal");
    Map<String, Object> user = user(id, email, google("a", "r", true));
    importUser(user, false);
    assertThat(bed.service().delete("/v1/me", bed.session(email)).statusCode()).isEqualTo(204);

    HttpResponse<String> response = importUser(user, false);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(410);
    assertThat(Testbed.json(response).path("code").asString()).isEqualTo("user_forgotten");
    assertThat(bed.sql().count("users", id)).isZero();
  }

  @Test
  void anActiveIntegrationIsAnnouncedOnlyWhenAsked() {
    String quiet = referenceId();
    String loud = referenceId();
    importUser(user(quiet, UserFixtures.email("ida"), google("a", "r", true)), false);

    HttpResponse<String> response =
        importUser(user(loud, UserFixtures.email("jo"), google("a", "r", true)), true);

    assertThat(Testbed.json(response).path("integrations").get(0).path("announced").asBoolean())
        .isTrue();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(bed.integrationEvents(loud))
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.operation()).isEqualTo(Operation.CREATE);
                          assertThat(e.status()).isEqualTo(IntegrationStatus.ACTIVE);
                          assertThat(e.metadata().userId()).isEqualTo(loud);
                        }));
    assertThat(bed.integrationEvents(quiet)).isEmpty();
  }

  @Test
  void onlyTheOperatorMayImport() {
    String body = json(user(referenceId(), UserFixtures.email("kim"), google("a", "r", true)));

    assertThat(bed.service().post(IMPORT, body, null).statusCode()).isEqualTo(401);
    assertThat(bed.service().post(IMPORT, body, UserFixtures.OFFICE_TOKEN).statusCode())
        .isEqualTo(403);
    assertThat(
            bed.service().post(IMPORT, body, bed.session(UserFixtures.email("kim2"))).statusCode())
        .isEqualTo(403);
    assertThat(
            bed.service()
                .post(
                    "/internal/users/" + referenceId() + "/provider-release",
                    "",
                    UserFixtures.OPERATOR_TOKEN)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void attackerShapedIdsAreRefusedWithoutBeingRepeated() {
    List<String> ids =
        List.of(
            "u".repeat(256),
            "user\u0000zero",
            "user\nLevel=INFO forged",
            "x' OR '1'='1",
            "'; DROP TABLE users; --",
            "../../etc/passwd",
            "office:a:*",
            "user\tid",
            "-leading-dash",
            "ünïcode",
            "");
    for (String id : ids) {
      HttpResponse<String> response =
          importUser(user(id, UserFixtures.email("mal"), google("a", "r", true)), false);

      assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(400);
      JsonNode body = Testbed.json(response);
      assertThat(body.path("code").asString()).isEqualTo("invalid_request");
      assertThat(body.path("detail").asString()).startsWith("user_id").doesNotContain("DROP");
      if (!id.isEmpty()) {
        assertThat(body.path("detail").asString()).doesNotContain(id);
        assertThat(bed.token(id, "google").statusCode()).as(id).isEqualTo(400);
      }
    }
    assertThat(
            bed.sql().query("SELECT count(*) FROM users WHERE id !~ '^[A-Za-z0-9]'").get(0).get(0))
        .isEqualTo(0L);
  }

  @Test
  void theLongestAllowedIdRoundTrips() {
    String id = "u".repeat(254) + "9";
    String email = UserFixtures.email("max");

    assertThat(importUser(user(id, email, google("ya29.long", null, true)), false).statusCode())
        .isEqualTo(201);

    assertThat(Testbed.json(bed.token(id, "google")).path("access_token").asString())
        .isEqualTo("ya29.long");
  }

  @Test
  void badIntegrationsAreRefusedWithTheFieldNamed() {
    String id = referenceId();
    Map<String, Object> noTokens = google("a", "r", true);
    noTokens.remove("access_token");
    noTokens.remove("refresh_token");
    Map<String, Object> slack = google("a", "r", true);
    slack.put("provider", "slack");
    Map<String, Object> control = google("ya29.\u0007bell", "r", true);

    assertRefused(user(id, UserFixtures.email("ned"), noTokens), "integrations[0]");
    assertRefused(user(id, UserFixtures.email("ned"), slack), "integrations[0].provider");
    assertRefused(user(id, UserFixtures.email("ned"), control), "integrations[0].access_token");
    assertRefused(user(id, "not an address", google("a", "r", true)), "email");
    assertRefused(
        user(id, UserFixtures.email("ned"), google("a", "r", true), google("b", "s", true)),
        "integrations[1].provider");
    assertThat(bed.sql().count("users", id)).isZero();
  }

  private void assertRefused(Map<String, Object> user, String field) {
    HttpResponse<String> response = importUser(user, false);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(Testbed.json(response).path("detail").asString()).startsWith(field);
  }

  private HttpResponse<String> importUser(Map<String, Object> user, boolean announce) {
    return bed.service()
        .post(IMPORT + (announce ? "?announce=true" : ""), json(user), UserFixtures.OPERATOR_TOKEN);
  }

  /** An id shaped as the reference's auth provider (Clerk) makes them: never a uuid. */
  private static String referenceId() {
    return "user_2" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
  }

  @SafeVarargs
  private static Map<String, Object> user(
      String id, String email, Map<String, Object>... integrations) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("user_id", id);
    user.put("email", email);
    user.put("created_at", "2025-03-01T09:30:00Z");
    user.put("integrations", List.of(integrations));
    return user;
  }

  private static Map<String, Object> google(TokenGrant grant, boolean withExpiry) {
    Map<String, Object> integration = google(grant.accessToken(), grant.refreshToken(), false);
    integration.put("scopes", List.copyOf(grant.scopes()));
    if (withExpiry) {
      integration.put("access_expires_at", grant.expiresAt().toString());
    }
    return integration;
  }

  private static Map<String, Object> google(
      String access, @org.jspecify.annotations.Nullable String refresh, boolean longLived) {
    Map<String, Object> integration = new LinkedHashMap<>();
    integration.put("provider", "google");
    integration.put("status", "active");
    integration.put("scopes", List.of("openid", "email", UserFixtures.GMAIL_READONLY));
    integration.put("access_token", access);
    if (refresh != null) {
      integration.put("refresh_token", refresh);
    }
    if (longLived) {
      integration.put("access_expires_at", "2099-01-01T00:00:00Z");
    }
    return integration;
  }

  private static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
