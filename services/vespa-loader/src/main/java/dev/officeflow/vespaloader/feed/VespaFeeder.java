package dev.officeflow.vespaloader.feed;

import ai.vespa.feed.client.DocumentId;
import ai.vespa.feed.client.FeedClient;
import ai.vespa.feed.client.OperationParameters;
import ai.vespa.feed.client.Result;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.vespaloader.document.VespaDocument;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes documents and tombstones through the feed client and says how each ended as an {@link
 * Outcome}. A write is a put guarded by {@code last_updated} ({@link VespaDocument#condition()})
 * that creates the document when absent, so an older version never replaces a newer one or a
 * tombstone, and a redelivery is harmless. Nothing is ever removed here: a delete is a tombstone's
 * put. Never signals an error. Thread-safe.
 */
final class VespaFeeder {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FeedClients clients;
  private final Duration operationTimeout;
  private final Duration retryDelay;

  VespaFeeder(FeedClients clients, Duration operationTimeout, Duration retryDelay) {
    this.clients = clients;
    this.operationTimeout = operationTimeout;
    this.retryDelay = retryDelay;
  }

  /**
   * Puts the document (or tombstone) unless the stored copy is newer, or as new and a tombstone
   * ({@link Outcome#stale()} then).
   */
  Mono<Outcome> write(VespaDocument document) {
    OperationParameters parameters =
        OperationParameters.empty()
            .createIfNonExistent(true)
            .testAndSetCondition(document.condition())
            .timeout(operationTimeout);
    String json = JSON.writeValueAsString(Map.of("fields", document.fields()));
    return send(document.id(), feed -> feed.put(document.id(), json, parameters));
  }

  private Mono<Outcome> send(
      DocumentId id, Function<FeedClient, CompletableFuture<Result>> operation) {
    return clients
        .submit(operation)
        .map(FeedOutcomes::of)
        .onErrorResume(error -> held(FeedOutcomes.of(id, error)));
  }

  /** A retry waits {@code retryDelay} before the message is nacked; see {@link FeedSettings}. */
  Mono<Outcome> held(Outcome outcome) {
    Mono<Outcome> settled = Mono.just(outcome);
    return outcome.action() == Outcome.Action.RETRY ? settled.delayElement(retryDelay) : settled;
  }
}
