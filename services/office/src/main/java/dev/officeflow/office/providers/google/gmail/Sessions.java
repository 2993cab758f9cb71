package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.providers.google.GoogleSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Google sessions kept per streamed user, so a notification does not fetch a token first (a session
 * refreshes its own token on a 401). Thread-safe.
 */
final class Sessions {

  static final String GOOGLE = "google";

  private final GoogleApi api;
  private final Map<String, Mono<GoogleSession>> open = new ConcurrentHashMap<>();

  Sessions(GoogleApi api) {
    this.api = api;
  }

  Mono<GoogleSession> of(String userId) {
    return open.computeIfAbsent(
        userId, id -> api.open(id, GOOGLE).doOnError(e -> open.remove(id)).cache());
  }

  void forget(String userId) {
    open.remove(userId);
  }
}
