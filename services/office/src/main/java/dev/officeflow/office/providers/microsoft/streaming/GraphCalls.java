package dev.officeflow.office.providers.microsoft.streaming;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.officeflow.office.tokens.ProviderCredential;
import reactor.core.publisher.Mono;

/**
 * How streaming reaches Graph: a user's session whose calls run off the event loop, paced, retried
 * and refreshed on 401, failing with {@code adapter.ProviderFailure}s (410 as {@code GONE}, 404 as
 * {@code NOT_FOUND}). {@link ClientGraphCalls} implements it with the adapter's {@code
 * MicrosoftClient}; tests may put a fake in its place.
 */
interface GraphCalls {

  /** A session with the user's current credential for the integration {@code provider}. */
  Mono<GraphUser> open(String userId, String provider);

  /** One user's Graph session. Thread-safe. */
  interface GraphUser {

    ProviderCredential credential();

    /** One Graph request ({@code method} names it in failures and metrics). */
    <T> Mono<T> call(String method, GraphCall<T> call);
  }

  /** A blocking request through the SDK. */
  @FunctionalInterface
  interface GraphCall<T> {
    T run(GraphServiceClient graph) throws Exception;
  }
}
