package dev.officeflow.graphsim.subscriptions;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Graph's check that a notification URL belongs to the subscriber: a POST with {@code
 * ?validationToken=...} and no body, answered within the timeout by 200 and exactly the token as
 * {@code text/plain}. Graph runs it on create, on renewal and on reauthorization.
 */
final class ValidationHandshake {

  static final String TIMED_OUT = "Subscription validation request timed out.";
  static final String NOT_OK =
      "Subscription validation request failed. Notification endpoint must respond with 200 OK to"
          + " validation request.";
  static final String MISMATCH =
      "Subscription validation request failed. Response must exactly match validationToken query"
          + " parameter.";

  private final HttpClient http;

  ValidationHandshake(HttpClient http) {
    this.http = http;
  }

  /** The error message Graph would answer with, or empty when {@code url} echoed the token. */
  Optional<String> failure(String url, Duration timeout) {
    // Graph's tokens are a sentence, not an opaque id: a receiver that forgets to URL-decode fails.
    String token =
        "Validation: Testing client application reachability for subscription Request-Id: "
            + UUID.randomUUID();
    HttpRequest request =
        HttpRequest.newBuilder(withToken(url, token))
            .timeout(timeout)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      return judge(call.get(timeout.toMillis(), TimeUnit.MILLISECONDS), token);
    } catch (TimeoutException e) {
      call.cancel(true);
      return Optional.of(TIMED_OUT);
    } catch (ExecutionException e) {
      return Optional.of(
          e.getCause() instanceof java.net.http.HttpTimeoutException ? TIMED_OUT : NOT_OK);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(TIMED_OUT);
    }
  }

  private static Optional<String> judge(HttpResponse<String> response, String token) {
    if (response.statusCode() != 200) {
      return Optional.of(NOT_OK);
    }
    String type = response.headers().firstValue("Content-Type").orElse("text/plain");
    boolean plain = type.toLowerCase(Locale.ROOT).startsWith("text/plain");
    return plain && response.body().equals(token) ? Optional.empty() : Optional.of(MISMATCH);
  }

  private static URI withToken(String url, String token) {
    String separator = url.contains("?") ? "&" : "?";
    // %20 rather than URLEncoder's '+': every query decoder reads it as a space.
    String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
    return URI.create(url + separator + "validationToken=" + encoded);
  }
}
