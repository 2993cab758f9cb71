package dev.officeflow.graphsim.identity;

import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The token endpoint's error body as the identity platform writes it: {@code {"error",
 * "error_description": "AADSTS<n>: <text>\r\nTrace ID: ...\r\nCorrelation ID: ...\r\nTimestamp:
 * ...", "error_codes": [n], "timestamp", "trace_id", "correlation_id", "error_uri"}} plus {@code
 * suberror} where the platform adds one ({@code consent_required}). The correlation id is the
 * client's {@code client-request-id} when it sent one, as MSAL's requests do.
 */
final class IdentityErrors {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Tenant tenant;

  IdentityErrors(Clock clock, Tenant tenant) {
    this.clock = clock;
    this.tenant = tenant;
  }

  SimResponse error(SimRequest r, int status, String error, int code, String text) {
    return error(r, status, error, code, text, null);
  }

  SimResponse error(
      SimRequest r, int status, String error, int code, String text, @Nullable String suberror) {
    String trace = UUID.randomUUID().toString();
    String correlation =
        r.header("client-request-id")
            .filter(v -> !v.isBlank())
            .orElse(UUID.randomUUID().toString());
    String timestamp = TIMESTAMP.format(clock.instant());
    ObjectNode body =
        Json.object()
            .put("error", error)
            .put(
                "error_description",
                "AADSTS"
                    + code
                    + ": "
                    + text
                    + "\r\nTrace ID: "
                    + trace
                    + "\r\nCorrelation ID: "
                    + correlation
                    + "\r\nTimestamp: "
                    + timestamp);
    body.putArray("error_codes").add(code);
    body.put("timestamp", timestamp)
        .put("trace_id", trace)
        .put("correlation_id", correlation)
        .put("error_uri", tenant.base() + "error?code=" + code);
    if (suberror != null) {
      body.put("suberror", suberror);
    }
    return SimResponse.json(status, body).withHeader("Cache-Control", "no-store, no-cache");
  }
}
