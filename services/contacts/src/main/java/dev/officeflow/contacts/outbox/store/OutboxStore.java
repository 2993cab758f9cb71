package dev.officeflow.contacts.outbox.store;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code contact_outbox} table ({@code V4__contact_outbox.sql}). Rows are written in the
 * transaction that changed the contact, stamped with the database's clock (one clock for every
 * instance) at least 1 ms after the contact's previous announcement, and deleted once published.
 *
 * <p>A contact is announced under one provider for good: the provider of the item that first
 * announced it ({@code announced_providers[1]}), whichever provider's mail or meeting changes it
 * later. A contact is one person across the user's providers, and its provider names its Vespa
 * document ({@code <provider>_<hash>}): announcing it under each provider in turn would make two
 * documents of one contact, each with the scores of its last announcement.
 */
public final class OutboxStore {

  private static final String APPEND =
      """
      WITH a AS (
        SELECT * FROM unnest(:users::text[], :hashes::text[], :operations::text[],
                             :providers::text[], :syncTypes::text[], :names::text[],
                             :sealed::text[], :tags::text[])
          AS a(user_id, contact_hash, operation, provider, sync_type, display_name, sealed, tags)),
      stamped AS (
        UPDATE contacts c
           SET announced_at = GREATEST(date_trunc('milliseconds', clock_timestamp()),
                                       c.announced_at + interval '1 millisecond'),
               announced_providers = CASE WHEN cardinality(c.announced_providers) = 0
                                          THEN ARRAY[a.provider]
                                          ELSE c.announced_providers END
          FROM a
         WHERE c.user_id = a.user_id AND c.contact_hash = a.contact_hash
        RETURNING c.user_id, c.contact_hash, c.announced_at, c.announced_providers[1] AS provider)
      INSERT INTO contact_outbox (event_id, user_id, contact_hash, operation, provider, sync_type,
                                  last_updated, display_name, sealed_address, tags)
      SELECT gen_random_uuid(), a.user_id, a.contact_hash, a.operation, s.provider, a.sync_type,
             s.announced_at, NULLIF(a.display_name, ''), decode(a.sealed, 'base64'), a.tags::jsonb
      FROM a JOIN stamped s ON s.user_id = a.user_id AND s.contact_hash = a.contact_hash
      ORDER BY a.user_id, a.contact_hash
      """;

  /**
   * A delete per provider the contact was announced under; a contact never announced has no
   * document to delete. {@code %s} is a {@code DELETE FROM contacts c ...} without {@code
   * RETURNING}.
   */
  private static final String REMOVALS =
      """
      WITH gone AS (%s
        RETURNING c.user_id, c.contact_hash, c.announced_providers, c.announced_at)
      INSERT INTO contact_outbox (event_id, user_id, contact_hash, operation, provider, sync_type,
                                  last_updated, display_name, sealed_address, tags)
      SELECT gen_random_uuid(), g.user_id, g.contact_hash, 'delete', p.provider,
             'incremental_sync',
             GREATEST(date_trunc('milliseconds', clock_timestamp()),
                      g.announced_at + interval '1 millisecond'),
             NULL, NULL,
             jsonb_build_object('contact_hash', g.contact_hash,
                                'removed_because', :removedBecause::text)
      FROM gone g CROSS JOIN LATERAL unnest(g.announced_providers) AS p(provider)
      ORDER BY g.user_id, g.contact_hash, p.provider
      """;

  /** Each contact's oldest row only, so one contact's events go out in the order written. */
  private static final String CLAIM =
      """
      SELECT o.id, o.event_id::text AS event_id, o.user_id, o.contact_hash, o.operation,
             o.provider, o.sync_type, (extract(epoch FROM o.last_updated) * 1000)::int8 AS at_ms,
             o.display_name, o.sealed_address, o.tags::text AS tags
      FROM contact_outbox o
      WHERE NOT EXISTS (SELECT 1 FROM contact_outbox e WHERE e.user_id = o.user_id
                          AND e.contact_hash = o.contact_hash AND e.id < o.id)
      ORDER BY o.id
      LIMIT :limit
      FOR UPDATE OF o SKIP LOCKED
      """;

  private static final String DEPTH =
      """
      SELECT count(*)::int8 AS depth,
             COALESCE(extract(epoch FROM now() - min(created_at)), 0)::float8 AS age
      FROM contact_outbox
      """;

  private final DatabaseClient db;

  public OutboxStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * {@code delete} (a {@code DELETE FROM contacts c ...} without {@code RETURNING}) as one
   * statement that also writes a delete event for each contact it removes, with the named parameter
   * {@code :removedBecause} to bind.
   */
  public static String announcingRemovals(String delete) {
    return REMOVALS.formatted(delete);
  }

  /** Appends {@code rows} in the caller's transaction. */
  public Mono<Void> append(List<NewRow> rows) {
    if (rows.isEmpty()) {
      return Mono.empty();
    }
    Base64.Encoder base64 = Base64.getEncoder();
    return db.sql(APPEND)
        .bind("users", rows.stream().map(NewRow::userId).toArray(String[]::new))
        .bind("hashes", rows.stream().map(NewRow::contactHash).toArray(String[]::new))
        .bind("operations", rows.stream().map(NewRow::operation).toArray(String[]::new))
        .bind("providers", rows.stream().map(NewRow::provider).toArray(String[]::new))
        .bind("syncTypes", rows.stream().map(NewRow::syncType).toArray(String[]::new))
        .bind("names", rows.stream().map(r -> nonNull(r.displayName())).toArray(String[]::new))
        .bind(
            "sealed",
            rows.stream().map(r -> base64.encodeToString(r.sealedAddress())).toArray(String[]::new))
        .bind("tags", rows.stream().map(NewRow::tagsJson).toArray(String[]::new))
        .then();
  }

  /**
   * Locks and returns up to {@code limit} rows, each contact's oldest, oldest first, skipping rows
   * another instance holds; the lock lasts until the caller's transaction ends.
   */
  public Flux<StoredRow> claim(int limit) {
    return db.sql(CLAIM)
        .bind("limit", limit)
        .map(
            (row, meta) ->
                new StoredRow(
                    required(row.get("id", Long.class)),
                    required(row.get("event_id", String.class)),
                    required(row.get("user_id", String.class)),
                    required(row.get("contact_hash", String.class)),
                    required(row.get("operation", String.class)),
                    required(row.get("provider", String.class)),
                    required(row.get("sync_type", String.class)),
                    Instant.ofEpochMilli(required(row.get("at_ms", Long.class))),
                    row.get("display_name", String.class),
                    row.get("sealed_address", byte[].class),
                    required(row.get("tags", String.class))))
        .all();
  }

  /** Deletes the rows with {@code ids} (published). */
  public Mono<Long> delete(List<Long> ids) {
    if (ids.isEmpty()) {
      return Mono.just(0L);
    }
    return db.sql("DELETE FROM contact_outbox WHERE id = ANY (:ids::int8[])")
        .bind("ids", ids.toArray(Long[]::new))
        .fetch()
        .rowsUpdated();
  }

  /** How many rows wait, and how long the oldest has waited (by the database's clock). */
  public Mono<Depth> depth() {
    return db.sql(DEPTH)
        .map(
            (row, meta) ->
                new Depth(
                    required(row.get("depth", Long.class)), required(row.get("age", Double.class))))
        .one();
  }

  private static String nonNull(@Nullable String text) {
    return text == null ? "" : text;
  }

  private static <T> T required(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("contact_outbox: unexpected null column");
    }
    return value;
  }

  /** A contact event to append; {@code operation} and {@code syncType} in their wire form. */
  public record NewRow(
      String userId,
      String contactHash,
      String operation,
      String provider,
      String syncType,
      @Nullable String displayName,
      byte[] sealedAddress,
      String tagsJson) {}

  /** A row as the relay reads it; {@code sealedAddress} is null on a delete. */
  public record StoredRow(
      long id,
      String eventId,
      String userId,
      String contactHash,
      String operation,
      String provider,
      String syncType,
      Instant lastUpdated,
      @Nullable String displayName,
      byte @Nullable [] sealedAddress,
      String tagsJson) {}

  /** The outbox's depth and the age of its oldest row in seconds. */
  public record Depth(long rows, double oldestSeconds) {}
}
