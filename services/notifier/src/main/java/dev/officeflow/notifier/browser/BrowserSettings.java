package dev.officeflow.notifier.browser;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access ({@code officeflow.notifier.browser.*}).
 *
 * @param allowedOrigins the origins whose pages may ask for tickets and open streams (default none:
 *     same-origin only, e.g. behind one reverse proxy); locally the contacts service's page, {@code
 *     http://127.0.0.1:8083} and {@code http://localhost:8083}. No credentials are allowed either
 *     way: the ticket request carries a bearer token, the stream its ticket.
 */
@ConfigurationProperties("officeflow.notifier.browser")
public record BrowserSettings(@DefaultValue List<String> allowedOrigins) {

  public BrowserSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    if (allowedOrigins.contains("*")) {
      throw new IllegalArgumentException(
          "officeflow.notifier.browser.allowed-origins must name origins, not *");
    }
  }
}
