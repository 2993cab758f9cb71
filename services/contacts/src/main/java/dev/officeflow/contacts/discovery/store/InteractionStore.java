package dev.officeflow.contacts.discovery.store;

import dev.officeflow.contacts.address.AddressCipher;
import dev.officeflow.contacts.address.UserAddressKeys;
import dev.officeflow.contacts.discovery.ItemChange;
import dev.officeflow.contacts.discovery.UserLocks;
import dev.officeflow.contacts.discovery.store.AggregateSql.Mode;
import dev.officeflow.contacts.vip.ContactScores;
import dev.officeflow.contacts.vip.ScoredContact;
import dev.officeflow.events.Operation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Writes a batch of item changes in one transaction: removes what updates and deletes replace,
 * inserts interactions with {@code ON CONFLICT DO NOTHING} and adds exactly the inserted rows to
 * the contact aggregates (so a redelivery adds nothing), rebuilds the aggregates of contacts that
 * lost interactions, seals the address of each contact it added to that has none under the current
 * key ({@link ContactAddresses}), and rescores every contact it touched.
 */
public final class InteractionStore {

  private static final String INSERT =
      """
      WITH r AS (SELECT * FROM %s),
      fresh AS (
        INSERT INTO interactions AS i (user_id, source, source_id, participant, item_id,
            item_version, direction, kind, copied, group_size, occurred_at, automated,
            display_name, domain)
        SELECT r.user_id, r.source, r.source_id, r.participant, r.item_id,
               to_timestamp(r.version_ms / 1000.0), r.direction, r.kind, r.copied, r.group_size,
               to_timestamp(r.occurred_ms / 1000.0), r.automated, NULLIF(r.display_name, ''),
               r.domain
        FROM r
        WHERE NOT EXISTS (SELECT 1 FROM interactions x WHERE x.user_id = r.user_id
                AND x.source = r.source AND x.item_id = r.item_id
                AND x.item_version > to_timestamp(r.version_ms / 1000.0))
          AND NOT EXISTS (SELECT 1 FROM deleted_items d WHERE d.user_id = r.user_id
                AND d.source = r.source AND d.item_id = r.item_id
                AND d.item_version >= to_timestamp(r.version_ms / 1000.0))
        ORDER BY r.user_id, r.participant, r.source, r.source_id
        ON CONFLICT DO NOTHING
        RETURNING i.*)
      %s
      """
          .formatted(InteractionColumns.UNNEST, AggregateSql.upsert("fresh f", Mode.ADD));

  private static final String REMOVE =
      """
      DELETE FROM interactions i
      USING unnest(:users::text[], :sources::text[], :items::text[], :versions::int8[])
            AS d(user_id, source, item_id, version_ms)
      WHERE i.user_id = d.user_id AND i.source = d.source AND i.item_id = d.item_id
        AND i.item_version <= to_timestamp(d.version_ms / 1000.0)
      RETURNING i.user_id, i.participant
      """;

  private static final String TOMBSTONE =
      """
      INSERT INTO deleted_items (user_id, source, item_id, item_version)
      SELECT d.user_id, d.source, d.item_id, to_timestamp(max(d.version_ms) / 1000.0)
      FROM unnest(:users::text[], :sources::text[], :items::text[], :versions::int8[])
           AS d(user_id, source, item_id, version_ms)
      GROUP BY d.user_id, d.source, d.item_id
      ON CONFLICT (user_id, source, item_id) DO UPDATE
        SET item_version = GREATEST(deleted_items.item_version, EXCLUDED.item_version)
      """;

  private static final String TOUCH_USERS =
      """
      INSERT INTO user_state (user_id, last_event_at, scoring_fingerprint)
      SELECT DISTINCT u, now(), :fingerprint FROM unnest(:users::text[]) AS u
      ORDER BY u
      ON CONFLICT (user_id) DO UPDATE SET last_event_at = EXCLUDED.last_event_at,
        contacts_version = nextval('contacts_version_seq'),
        scoring_fingerprint = COALESCE(user_state.scoring_fingerprint,
                                       EXCLUDED.scoring_fingerprint)
      """;

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final ContactScores scores;
  private final ContactAggregates aggregates;
  private final UserLocks locks;
  private final ContactAddresses addresses;

  public InteractionStore(
      DatabaseClient db,
      TransactionalOperator tx,
      ContactScores scores,
      ContactAggregates agg,
      UserLocks locks,
      AddressCipher cipher,
      UserAddressKeys keys) {
    this.db = db;
    this.tx = tx;
    this.scores = scores;
    this.aggregates = agg;
    this.locks = locks;
    this.addresses = new ContactAddresses(db, cipher, keys);
  }

  /**
   * Writes {@code changes} atomically with what {@code announce} writes for the rescored contacts
   * (in the same transaction); retried a few times on deadlocks and lock timeouts. The changes of
   * users forgotten by then are left out ({@link UserLocks}).
   */
  public Mono<List<ScoredContact>> write(
      List<ItemChange> changes, Function<List<ScoredContact>, Mono<Void>> announce) {
    return tx.transactional(Mono.defer(() -> writeLive(changes, announce)))
        .retryWhen(
            Retry.backoff(3, Duration.ofMillis(20))
                .filter(TransientDataAccessException.class::isInstance));
  }

  private Mono<List<ScoredContact>> writeLive(
      List<ItemChange> changes, Function<List<ScoredContact>, Mono<Void>> announce) {
    String[] users = changes.stream().map(ItemChange::userId).distinct().toArray(String[]::new);
    return locks
        .lockForWrites(users)
        .flatMap(
            forgotten -> {
              List<ItemChange> live = without(changes, forgotten);
              return live.isEmpty() ? Mono.just(List.<ScoredContact>of()) : writeOnce(live);
            })
        .flatMap(scored -> announce.apply(scored).thenReturn(scored));
  }

  private static List<ItemChange> without(List<ItemChange> changes, Set<String> forgotten) {
    return forgotten.isEmpty()
        ? changes
        : changes.stream().filter(c -> !forgotten.contains(c.userId())).toList();
  }

  private Mono<List<ScoredContact>> writeOnce(List<ItemChange> changes) {
    Touched touched = new Touched();
    List<ItemChange> replacing = changes.stream().filter(ItemChange::replaces).toList();
    return remove(replacing, touched)
        .then(tombstones(replacing))
        .then(insert(changes, touched))
        .then(Mono.defer(() -> addresses.seal(changes, touched.unsealed)))
        .then(Mono.defer(() -> aggregates.rebuild(touched.removedUsers(), touched.removedHashes())))
        .then(touchUsers(changes))
        .then(Mono.defer(() -> rescore(touched)));
  }

  private Mono<Void> remove(List<ItemChange> replacing, Touched touched) {
    if (replacing.isEmpty()) {
      return Mono.empty();
    }
    return items(db.sql(REMOVE), replacing)
        .map((row, meta) -> new Pair(row.get(0, String.class), row.get(1, String.class)))
        .all()
        .doOnNext(pair -> touched.removed.put(pair, Boolean.TRUE))
        .then();
  }

  private Mono<Void> tombstones(List<ItemChange> replacing) {
    List<ItemChange> deletes =
        replacing.stream().filter(c -> c.operation() == Operation.DELETE).toList();
    return deletes.isEmpty() ? Mono.empty() : items(db.sql(TOMBSTONE), deletes).then();
  }

  private Mono<Void> insert(List<ItemChange> changes, Touched touched) {
    InteractionColumns columns = new InteractionColumns(changes);
    if (columns.isEmpty()) {
      return Mono.empty();
    }
    return aggregates
        .bindSettings(columns.bind(db.sql(INSERT)))
        .map(
            (row, meta) ->
                new Upserted(
                    new Pair(
                        row.get("user_id", String.class), row.get("contact_hash", String.class)),
                    Boolean.TRUE.equals(row.get("created", Boolean.class)),
                    row.get("address_key_id", String.class)))
        .all()
        .doOnNext(
            u -> {
              touched.inserted.put(u.pair(), u.created());
              if (addresses.needsSealing(u.addressKeyId())) {
                touched.unsealed.add(u.pair());
              }
            })
        .then();
  }

  private Mono<Void> touchUsers(List<ItemChange> changes) {
    String[] users = changes.stream().map(ItemChange::userId).distinct().toArray(String[]::new);
    return db.sql(TOUCH_USERS)
        .bind("users", users)
        .bind("fingerprint", scores.scorer().settings().scoringFingerprint())
        .then();
  }

  private Mono<List<ScoredContact>> rescore(Touched touched) {
    Map<Pair, Boolean> all = touched.all();
    if (all.isEmpty()) {
      return Mono.just(List.of());
    }
    String[] users = all.keySet().stream().map(Pair::user).toArray(String[]::new);
    String[] hashes = all.keySet().stream().map(Pair::hash).toArray(String[]::new);
    return scores
        .load(users, hashes)
        .collectList()
        .flatMap(
            found ->
                scores.scoreAndSave(
                    found,
                    found.stream()
                        .map(c -> all.getOrDefault(new Pair(c.userId(), c.contactHash()), false))
                        .toList()));
  }

  private static GenericExecuteSpec items(GenericExecuteSpec spec, List<ItemChange> changes) {
    return spec.bind("users", changes.stream().map(ItemChange::userId).toArray(String[]::new))
        .bind("sources", changes.stream().map(c -> c.source().wire()).toArray(String[]::new))
        .bind("items", changes.stream().map(ItemChange::itemId).toArray(String[]::new))
        .bind(
            "versions", changes.stream().map(c -> c.version().toEpochMilli()).toArray(Long[]::new));
  }

  record Pair(String user, String hash) {}

  private record Upserted(Pair pair, boolean created, @Nullable String addressKeyId) {}

  /** Contacts a write touched; {@code inserted} maps to "created by this write". */
  private static final class Touched {
    final Map<Pair, Boolean> removed = new LinkedHashMap<>();
    final Map<Pair, Boolean> inserted = new LinkedHashMap<>();
    final Set<Pair> unsealed = new LinkedHashSet<>();

    Map<Pair, Boolean> all() {
      Map<Pair, Boolean> all = new LinkedHashMap<>();
      removed.keySet().forEach(p -> all.put(p, false));
      all.putAll(inserted);
      return all;
    }

    String[] removedUsers() {
      return removed.keySet().stream().map(Pair::user).toArray(String[]::new);
    }

    String[] removedHashes() {
      return removed.keySet().stream().map(Pair::hash).toArray(String[]::new);
    }
  }
}
