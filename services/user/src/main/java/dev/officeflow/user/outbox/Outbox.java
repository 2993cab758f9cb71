package dev.officeflow.user.outbox;

import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.publish.EventPublisher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes events inside the caller's transaction and publishes them after it committed. A publish
 * that fails leaves the row for {@link OutboxSweeper}: consumers are idempotent, so the rare
 * duplicate is harmless, while a lost {@code IntegrationEvent} would leave a user without backfill.
 */
@Component
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final DatabaseClient db;
  private final EventCodec codec;
  private final EventPublisher publisher;

  Outbox(DatabaseClient db, EventCodec codec, EventPublisher publisher) {
    this.db = db;
    this.codec = codec;
    this.publisher = publisher;
  }

  /** Appends an event in the current transaction; the result is its outbox id. */
  public Mono<Long> append(OfficeEvent event) {
    return db.sql("INSERT INTO event_outbox (event_type, payload) VALUES (:type, :payload)")
        .bind("type", EventType.of(event).name())
        .bind("payload", codec.encode(event))
        .filter(s -> s.returnGeneratedValues("id"))
        .map(row -> row.get("id", Long.class))
        .one();
  }

  /**
   * Publishes the given outbox entries (after their transaction committed) and deletes each one
   * Pub/Sub accepted. Never fails: what could not be published stays for the sweeper.
   */
  public Mono<Void> publish(List<Long> ids) {
    return Flux.fromIterable(ids).concatMap(this::publishOne).then();
  }

  Mono<Void> publishOne(long id) {
    return db.sql("SELECT event_type, payload FROM event_outbox WHERE id = :id")
        .bind("id", id)
        .map(row -> decode(row.get("event_type", String.class), row.get("payload", byte[].class)))
        .one()
        .flatMap(event -> Mono.fromFuture(() -> publisher.publish(event)))
        .flatMap(messageId -> delete(id))
        .onErrorResume(
            e -> {
              log.warn(
                  "outbox event {} not published yet, the sweeper retries: {}", id, e.toString());
              return Mono.empty();
            });
  }

  private Mono<Void> delete(long id) {
    return db.sql("DELETE FROM event_outbox WHERE id = :id").bind("id", id).then();
  }

  private OfficeEvent decode(String type, byte[] payload) {
    return codec.decode(payload, EventType.valueOf(type));
  }
}
