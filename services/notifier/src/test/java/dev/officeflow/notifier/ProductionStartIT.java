package dev.officeflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.testing.ProductionGuardContract;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notifier in production: it starts with real settings, and refuses each development one;
 * behind the Ingress, whose load balancer ends TLS, the page's own origin is same-origin and no
 * other origin is allowed.
 */
@IntegrationTest
class ProductionStartIT extends ProductionGuardContract {

  /** The public host, as the Ingress serves the page and the notifier on it. */
  private static final String HOST = "officeflow.example.com";

  /**
   * The page's ticket request as the load balancer passes it on: plain HTTP to the pod, the public
   * Host, the browser's Origin (sent with every POST) and X-Forwarded-Proto. Taken for what it was
   * (same-origin), it reaches the security chain (401 without a JWT); taken for a cross-origin
   * request from an origin production does not allow, it would be refused before (403).
   */
  @Test
  void thePagesOwnOriginBehindTheLoadBalancerIsSameOrigin() throws IOException {
    try (ServiceUnderTest notifier = start(Map.of())) {
      assertThat(statusLine(notifier, "POST", "/v1/stream-tickets", "https://" + HOST))
          .contains(" 401 ");
      assertThat(statusLine(notifier, "GET", "/v1/stream?ticket=x", "https://" + HOST))
          .contains(" 401 ");
    }
  }

  /** Production allows no other origin: the same requests from another page are refused. */
  @Test
  void anotherOriginBehindTheLoadBalancerIsRefused() throws IOException {
    try (ServiceUnderTest notifier = start(Map.of())) {
      assertThat(statusLine(notifier, "POST", "/v1/stream-tickets", "https://evil.example"))
          .contains(" 403 ");
      assertThat(statusLine(notifier, "GET", "/v1/stream?ticket=x", "https://evil.example"))
          .contains(" 403 ");
      assertThat(statusLine(notifier, "POST", "/v1/stream-tickets", "http://" + HOST))
          .as("the page's host over plain HTTP is another origin")
          .contains(" 403 ");
    }
  }

  @Override
  protected Class<?> application() {
    return NotifierApplication.class;
  }

  @Override
  protected Map<String, Object> realSettings() {
    return Map.of(
        "officeflow.security.user-jwt.jwk-set-uri",
            "https://user.officeflow.example/.well-known/jwks.json",
        "officeflow.security.callers.operator", "a-production-operator-credential");
  }

  /** A request as Google's load balancer sends it (raw: the JDK's client will not set Host). */
  private static String statusLine(
      ServiceUnderTest notifier, String method, String path, String origin) throws IOException {
    String request =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: "
            + HOST
            + "\r\nOrigin: "
            + origin
            + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.7, 130.211.0.1"
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", notifier.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.append((char) b);
      }
      return line.toString().trim();
    }
  }

  @Override
  protected boolean usesDatabase() {
    return false;
  }

  @Override
  protected Stream<Offender> developmentDefaults() {
    return Stream.of(
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "http://127.0.0.1:8081/.well-known/jwks.json",
            "officeflow.security.user-jwt.jwk-set-uri has its development value"),
        offender(
            "officeflow.security.user-jwt.jwk-set-uri",
            "",
            "officeflow.security.user-jwt.jwk-set-uri is not set"),
        offender(
            "officeflow.security.callers.operator",
            "local-dev-operator-token",
            "officeflow.security.callers.operator has its development value"),
        offender(
            "officeflow.notifier.browser.allowed-origins",
            "http://localhost:8083",
            "officeflow.notifier.browser.allowed-origins has its development value"),
        offender(
            "officeflow.notifier.browser.allowed-origins",
            "https://officeflow.example.com, http://127.0.0.1:9000",
            "officeflow.notifier.browser.allowed-origins points at this machine"),
        offender("officeflow.guard.allow-emulator", false, "the Pub/Sub emulator"));
  }
}
