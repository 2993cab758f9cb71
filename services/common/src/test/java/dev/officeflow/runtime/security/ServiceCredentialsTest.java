package dev.officeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a service presents: its static token, or an ID token from the metadata server, reused. */
class ServiceCredentialsTest {

  private final List<String> requests = new ArrayList<>();
  private HttpServer metadata;

  @AfterEach
  void stop() {
    if (metadata != null) {
      metadata.stop(0);
    }
  }

  @Test
  void aStaticCredentialIsSentAsABearerToken() {
    assertThat(ServiceCredentials.fixed("t0k3n").authorization().block()).isEqualTo("Bearer t0k3n");
  }

  @Test
  void anIdTokenComesFromTheMetadataServerForTheAudienceAndIsReusedUntilNearItsExpiry()
      throws IOException {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    String token = jwt(now.plusSeconds(3600));
    startMetadata(token);
    ServiceCredentials credentials =
        ServiceCredentials.fromMetadataServer(
            "http://127.0.0.1:" + metadata.getAddress().getPort(),
            "officeflow-internal",
            Clock.fixed(now, ZoneOffset.UTC));

    assertThat(credentials.authorization().block()).isEqualTo("Bearer " + token);
    assertThat(credentials.authorization().block()).isEqualTo("Bearer " + token);

    assertThat(requests).hasSize(1);
    assertThat(requests.get(0))
        .contains("/computeMetadata/v1/instance/service-accounts/default/identity")
        .contains("audience=officeflow-internal")
        .contains("Metadata-Flavor=Google");
  }

  private void startMetadata(String token) throws IOException {
    metadata = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metadata.createContext(
        "/",
        exchange -> {
          requests.add(
              exchange.getRequestURI()
                  + " Metadata-Flavor="
                  + exchange.getRequestHeaders().getFirst("Metadata-Flavor"));
          byte[] body = token.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    metadata.start();
  }

  private static String jwt(Instant expiry) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"aud\":\"officeflow-internal\",\"exp\":" + expiry.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2ln";
  }
}
