package dev.officeflow.runtime.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * What this service presents when it calls another's {@code /internal/**} (ARCHITECTURE §8): its
 * static credential, or on GCP an ID token of its own service account, fetched from the metadata
 * server for the officeflow audience and reused until five minutes before it expires. Thread-safe.
 */
public final class ServiceCredentials {

  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
  private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

  private final Mono<String> header;

  private ServiceCredentials(Mono<String> header) {
    this.header = header;
  }

  /** A static token, as every service has locally. */
  public static ServiceCredentials fixed(String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("a service credential cannot be blank");
    }
    return new ServiceCredentials(Mono.just("Bearer " + token));
  }

  /** Google ID tokens for {@code audience} from the metadata server at {@code metadataUrl}. */
  public static ServiceCredentials fromMetadataServer(
      String metadataUrl, String audience, Clock clock) {
    return new ServiceCredentials(new MetadataTokens(metadataUrl, audience, clock).header());
  }

  /** For a service that calls no one: asking for its credential is an error that says so. */
  static ServiceCredentials none() {
    return new ServiceCredentials(
        Mono.error(
            new IllegalStateException(
                "this service has no credential to call others: set officeflow.security.credential"
                    + " or officeflow.security.google-id-tokens.audience")));
  }

  /** The {@code Authorization} header value to send. */
  public Mono<String> authorization() {
    return header;
  }

  /** Fetches and caches this service account's ID token. */
  private static final class MetadataTokens {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI uri;
    private final Clock clock;
    private final AtomicReference<Token> current = new AtomicReference<>();

    private record Token(String value, Instant expiresAt) {}

    MetadataTokens(String metadataUrl, String audience, Clock clock) {
      this.uri =
          URI.create(
              metadataUrl
                  + "/computeMetadata/v1/instance/service-accounts/default/identity?audience="
                  + URLEncoder.encode(audience, StandardCharsets.UTF_8)
                  + "&format=full");
      this.clock = clock;
    }

    Mono<String> header() {
      return Mono.defer(
          () -> {
            Token token = current.get();
            if (token != null && clock.instant().plus(RENEW_BEFORE).isBefore(token.expiresAt())) {
              return Mono.just("Bearer " + token.value());
            }
            return fetch().doOnNext(current::set).map(t -> "Bearer " + t.value());
          });
    }

    private Mono<Token> fetch() {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Metadata-Flavor", "Google")
              .timeout(Duration.ofSeconds(5))
              .GET()
              .build();
      return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
          .map(
              response -> {
                if (response.statusCode() != 200) {
                  throw new IllegalStateException(
                      "the metadata server answered " + response.statusCode() + " for an ID token");
                }
                String token = response.body().trim();
                return new Token(token, expiry(token));
              });
    }

    /** The token's {@code exp}, read without verifying: it is our own, fresh from Google. */
    private static Instant expiry(String jwt) {
      String[] parts = jwt.split("\\.");
      if (parts.length != 3) {
        throw new IllegalStateException("the metadata server's ID token is not a JWT");
      }
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      Matcher exp = EXP.matcher(payload);
      if (!exp.find()) {
        throw new IllegalStateException("the metadata server's ID token has no exp");
      }
      return Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
    }
  }
}
