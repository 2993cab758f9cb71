package dev.officeflow.vespaloader.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How {@code GET /v1/search} queries Vespa ({@code officeflow.vespa-loader.search.*}).
 *
 * @param endpoint the container serving {@code /search/} ({@code VESPA_QUERY_ENDPOINT}, else {@code
 *     VESPA_ENDPOINT}; required: the local profile gives vespa-sim's {@code
 *     http://127.0.0.1:8080/})
 * @param cursorKey the HMAC key that signs cursors ({@code SEARCH_CURSOR_KEY}; required, the same
 *     on every instance, at least 32 characters; the local profile gives a development key)
 * @param rankProfile the rank profile every query uses (default {@code recency}: bm25 plus a boost
 *     for recent items; {@code bm25} is the other one in {@code infra/vespa/schemas})
 * @param defaultLimit hits per page when {@code limit} is not given (default 20)
 * @param maxLimit the largest {@code limit} accepted (default 50)
 * @param maxOffset how deep cursors may page (default 500): no next cursor beyond it, so a client
 *     cannot make Vespa rank ever deeper (Vespa's own bound is 1000)
 * @param maxQueryLength the longest {@code q} accepted, in characters (default 256)
 * @param timeout how long Vespa may take, the request included (default 2 s)
 * @param cursorTtl how long a cursor stays valid (default 1 h)
 * @param maxResponseSize the largest Vespa answer read (default 2 MB): hits carry snippets, not
 *     bodies, so a page of 50 stays far below it
 * @param maxConcurrent searches waiting for Vespa at once on this instance (default 32); one more
 *     is answered 503 at once, so a slow Vespa cannot pile requests (and their memory) up here
 * @param allowedOrigins the origins whose pages may call the search from a browser (CORS; default
 *     none: same-origin only, as behind the Ingress; never {@code *}; the local profile allows the
 *     VIP page's, {@code http://127.0.0.1:8083} and {@code http://localhost:8083})
 */
@ConfigurationProperties("officeflow.vespa-loader.search")
public record SearchSettings(
    URI endpoint,
    String cursorKey,
    @DefaultValue("recency") String rankProfile,
    @DefaultValue("20") int defaultLimit,
    @DefaultValue("50") int maxLimit,
    @DefaultValue("500") int maxOffset,
    @DefaultValue("256") int maxQueryLength,
    @DefaultValue("2s") Duration timeout,
    @DefaultValue("1h") Duration cursorTtl,
    @DefaultValue("2MB") DataSize maxResponseSize,
    @DefaultValue("32") int maxConcurrent,
    @DefaultValue List<String> allowedOrigins) {

  /** The shortest cursor key accepted: an HMAC key should hold at least 256 bits. */
  static final int MIN_KEY_LENGTH = 32;

  public SearchSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    if (allowedOrigins.contains("*")) {
      throw new IllegalArgumentException(
          "officeflow.vespa-loader.search.allowed-origins must name origins, not *");
    }
    if (endpoint == null || endpoint.toString().isBlank()) {
      throw new IllegalArgumentException(
          "officeflow.vespa-loader.search.endpoint must name Vespa's query container");
    }
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("Vespa query endpoint must be http or https: " + endpoint);
    }
    if (cursorKey == null || cursorKey.length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "officeflow.vespa-loader.search.cursor-key must be at least "
              + MIN_KEY_LENGTH
              + " characters (SEARCH_CURSOR_KEY)");
    }
    if (defaultLimit < 1
        || maxLimit < defaultLimit
        || maxOffset < 0
        || maxQueryLength < 1
        || maxConcurrent < 1) {
      throw new IllegalArgumentException(
          "officeflow.vespa-loader.search: need 1 <= default-limit <= max-limit, max-offset >= 0,"
              + " max-query-length >= 1 and max-concurrent >= 1");
    }
  }
}
