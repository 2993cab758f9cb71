package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.codec.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The system as its outside sees it: a person in the frontend (dev login, connect Google), Google's
 * redirect, the person revoking access in their Google account, and reads of what the services
 * hold. Nothing here starts a backfill: that is the system's own doing.
 */
final class SystemClient {

  private static final EventCodec CODEC = new EventCodec();

  private final OfficeflowSystem system;

  SystemClient(OfficeflowSystem system) {
    this.system = system;
  }

  /** A demo login: {@code user_id} and {@code access_token} (the user JWT). */
  JsonNode session(String email) {
    HttpResponse<String> response =
        Http.postJson(system.user().url("/v1/dev/session"), Map.of("email", email), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  /**
   * Connects Google as the frontend and the browser would: start, follow google-sim's authorize
   * redirect, land on the callback, all in one browser with its cookie jar (the callback completes
   * only with the {@code officeflow_oauth} cookie that start set). Returns the user's id.
   */
  String connect(String email) {
    return connect(email, "google");
  }

  /**
   * Connects {@code provider} ({@code google} or {@code microsoft}: the same start request and
   * answer, the simulator standing in for the provider's sign-in) for the user of {@code email}.
   */
  String connect(String email, String provider) {
    JsonNode session = session(email);
    String jwt = session.path("access_token").asString();
    HttpClient browser =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager())
            .build();
    try {
      HttpResponse<String> started =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(system.user().url("/v1/integrations/" + provider + "/start")))
                  .header("Authorization", "Bearer " + jwt)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Http.JSON.writeValueAsString(Map.of("login_hint", email))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      HttpResponse<String> consent =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(Http.json(started).path("authorization_url").asString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
      HttpResponse<String> callback =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(consent.headers().firstValue("Location").orElseThrow()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return session.path("user_id").asString();
  }

  /** The user's Google integration as the user service shows it to them. */
  JsonNode googleIntegration(String email) {
    String jwt = session(email).path("access_token").asString();
    HttpResponse<String> response = Http.get(system.user().url("/v1/integrations"), jwt);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response)
        .path("integrations")
        .valueStream()
        .filter(i -> "google".equals(i.path("provider").asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no google integration: " + response.body()));
  }

  /**
   * Revokes the user's grant at google-sim's revoke endpoint, as the person would in their Google
   * account; the token to name the grant comes from the user service's token API.
   */
  void revokeAtGoogle(String userId) {
    HttpResponse<String> token =
        Http.postJson(
            system.user().url("/internal/tokens/get"),
            Map.of("user_id", userId, "provider", "google"),
            OfficeflowSystem.OFFICE_TOKEN);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    String accessToken = Http.json(token).path("access_token").asString();
    HttpResponse<String> revoked =
        Http.postForm(system.google().url("/revoke"), "token=" + accessToken);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
  }

  /** The user's backfill jobs, newest first, from the office service's internal API. */
  List<JsonNode> jobs(String userId) {
    HttpResponse<String> response =
        Http.get(
            system.office().url("/internal/backfill?user_id=" + userId),
            OfficeflowSystem.OPERATOR_TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).path("jobs").valueStream().toList();
  }

  /** The user's only job (asserting there is exactly one). */
  JsonNode onlyJob(String userId) {
    List<JsonNode> jobs = jobs(userId);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  /** The integration events published on {@code integrations} for the user so far. */
  List<IntegrationEvent> integrationEvents(String userId) {
    return system.integrations().messages().stream()
        .map(SystemClient::decode)
        .filter(e -> e.userId().equals(userId))
        .toList();
  }

  private static IntegrationEvent decode(PubsubMessage message) {
    return CODEC.decode(message.getData().toByteArray(), IntegrationEvent.class);
  }
}
