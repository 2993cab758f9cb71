package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.runtime.environment.OfficeflowEnvironment;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Production's check of {@code officeflow.office.streaming.microsoft.webhook-base-url}, run when
 * Microsoft streaming starts: Graph posts notifications only to HTTPS URLs it can reach, so in
 * production the base must be an absolute {@code https} URL on a public host (not a loopback,
 * private, link-local or single-label name), without query, fragment or user info. Literal
 * addresses are judged as they are; names are not resolved (startup must not depend on DNS). Under
 * {@code officeflow.environment=local} anything goes (graph-sim posts to plain HTTP).
 */
final class WebhookUrl {

  static final String PROPERTY = "officeflow.office.streaming.microsoft.webhook-base-url";

  private WebhookUrl() {}

  /** Fails the start in production when the base URL is not a public HTTPS URL. */
  static void check(String baseUrl, Environment environment) {
    if (OfficeflowEnvironment.of(environment) != OfficeflowEnvironment.PRODUCTION) {
      return;
    }
    problem(baseUrl)
        .ifPresent(
            why -> {
              throw new IllegalStateException(
                  "officeflow.environment is production (the default), but "
                      + PROPERTY
                      + " "
                      + why
                      + "; Graph posts change notifications only to a public HTTPS URL");
            });
  }

  /** What is wrong with {@code baseUrl} as a production webhook base; empty when nothing is. */
  static Optional<String> problem(String baseUrl) {
    if (baseUrl.isBlank()) {
      return Optional.of("is not set");
    }
    URI uri;
    try {
      uri = new URI(baseUrl.trim());
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL (" + baseUrl + ")");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return Optional.of("must be https (" + baseUrl + ")");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of("must not carry user info, a query or a fragment (" + baseUrl + ")");
    }
    String host = uri.getHost();
    if (host == null || !isPublic(host.toLowerCase(Locale.ROOT))) {
      return Optional.of("must name a public host (" + baseUrl + ")");
    }
    return Optional.empty();
  }

  private static boolean isPublic(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")) {
      return false;
    }
    boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
    if (!literal) {
      return host.contains(".") && !host.endsWith(".internal");
    }
    try {
      InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
      boolean uniqueLocalV6 =
          address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
      return !(address.isLoopbackAddress()
          || address.isSiteLocalAddress()
          || address.isLinkLocalAddress()
          || address.isAnyLocalAddress()
          || address.isMulticastAddress()
          || uniqueLocalV6);
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }
}
