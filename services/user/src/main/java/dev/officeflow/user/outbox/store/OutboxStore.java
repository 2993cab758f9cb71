package dev.officeflow.user.outbox.store;

import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.codec.EventCodec;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code event_outbox} table: events in their wire encoding, written in the transaction of the
 * change they announce and deleted once published.
 */
public class OutboxStore {

  private final DatabaseClient db;
  private final EventCodec codec;

  public OutboxStore(DatabaseClient db, EventCodec codec) {
    this.db = db;
    this.codec = codec;
  }

  /** Appends an event in the current transaction; the result is its outbox id. */
  public Mono<Long> append(OfficeEvent event) {
    return db.sql(
            """
            INSERT INTO event_outbox (event_type, payload) VALUES (:type, :payload)
            """)
        .bind("type", EventType.of(event).name())
        .bind("payload", codec.encode(event))
        .filter(s -> s.returnGeneratedValues("id"))
        .map(row -> row.get("id", Long.class))
        .one();
  }

  /** Empty when the entry is gone (published by someone else). */
  public Mono<OfficeEvent> find(long id) {
    return db.sql("SELECT event_type, payload FROM event_outbox WHERE id = :id")
        .bind("id", id)
        .map(row -> decode(row.get("event_type", String.class), row.get("payload", byte[].class)))
        .one();
  }

  public Mono<Void> delete(long id) {
    return db.sql("DELETE FROM event_outbox WHERE id = :id").bind("id", id).then();
  }

  /**
   * Up to {@code limit} entries older than {@code minAge} by the database's clock (the one that
   * stamped them, so instances with skewed clocks agree), oldest first.
   */
  public Flux<Long> olderThan(Duration minAge, int limit) {
    return db.sql(
            """
            SELECT id FROM event_outbox WHERE created_at < now() - make_interval(secs => :age)
            ORDER BY id LIMIT :limit
            """)
        .bind("age", (double) minAge.toMillis() / 1000)
        .bind("limit", limit)
        .map(row -> row.get("id", Long.class))
        .all();
  }

  private OfficeEvent decode(String type, byte[] payload) {
    return codec.decode(payload, EventType.valueOf(type));
  }
}
