package dev.officeflow.contacts.discovery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.outbox.ContactOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The user's own addresses (hashed), learned from {@code IntegrationEvent.account_email} and the
 * {@code account} tag of data events. They are never contacts: learning one removes whatever was
 * recorded under it, and a contact recorded under it is announced as deleted. Nothing is learned
 * for a forgotten user ({@link UserLocks}). Cached per user for {@link #CACHE_TTL} (by the injected
 * clock), so that an address another instance learned is seen soon, for at most {@code 50,000}
 * users. Thread-safe.
 */
public final class OwnAddresses {

  static final Duration CACHE_TTL = Duration.ofSeconds(30);
  private static final int MAX_CACHED_USERS = 50_000;

  private static final String LEARN =
      """
      INSERT INTO own_addresses (user_id, contact_hash) VALUES (:user, :hash)
      ON CONFLICT DO NOTHING
      """;

  private static final String REMOVE_CONTACT =
      ContactOutbox.announcingRemovals(
          "DELETE FROM contacts c WHERE c.user_id = :user AND c.contact_hash = :hash");

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final ContactHasher hasher;
  private final UserLocks locks;
  private final ContactOutbox outbox;
  private final Cache<String, Set<String>> cache;

  OwnAddresses(
      DatabaseClient db,
      TransactionalOperator tx,
      ContactHasher hasher,
      UserLocks locks,
      ContactOutbox outbox,
      Clock clock) {
    this.db = db;
    this.tx = tx;
    this.hasher = hasher;
    this.locks = locks;
    this.outbox = outbox;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(MAX_CACHED_USERS)
            .expireAfterWrite(CACHE_TTL)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
  }

  /** The user's own address hashes, including {@code account} when it is an address. */
  Mono<Set<String>> of(String userId, @Nullable String account) {
    Optional<String> accountHash = hash(userId, account);
    return known(userId)
        .flatMap(
            own ->
                accountHash.isEmpty() || own.contains(accountHash.get())
                    ? Mono.just(own)
                    : learnHash(userId, accountHash.get()).then(Mono.defer(() -> known(userId))));
  }

  /** Records {@code account} as the user's own address (no-op when it is not an address). */
  Mono<Void> learn(String userId, @Nullable String account) {
    return hash(userId, account).map(h -> learnHash(userId, h)).orElse(Mono.empty());
  }

  /** Drops what is cached for {@code userId} (after a purge). */
  public void forget(String userId) {
    cache.invalidate(userId);
  }

  private Mono<Void> learnHash(String userId, String hash) {
    Mono<Boolean> work =
        locks
            .lockForWrites(userId)
            .filter(writable -> writable)
            .flatMap(
                writable ->
                    db.sql(LEARN)
                        .bind("user", userId)
                        .bind("hash", hash)
                        .fetch()
                        .rowsUpdated()
                        .flatMap(
                            inserted ->
                                inserted > 0
                                    ? removeAsContact(userId, hash).thenReturn(true)
                                    : Mono.just(false)));
    return tx.transactional(work)
        .filter(removed -> removed)
        .doOnNext(removed -> outbox.committed())
        .doOnSuccess(done -> cache.asMap().computeIfPresent(userId, (u, own) -> with(own, hash)))
        .then();
  }

  private Mono<Void> removeAsContact(String userId, String hash) {
    return db.sql("DELETE FROM interactions WHERE user_id = :user AND participant = :hash")
        .bind("user", userId)
        .bind("hash", hash)
        .then()
        .then(
            db.sql(REMOVE_CONTACT)
                .bind("user", userId)
                .bind("hash", hash)
                .bind("removedBecause", ContactOutbox.OWN_ADDRESS)
                .then());
  }

  private Mono<Set<String>> known(String userId) {
    Set<String> cached = cache.getIfPresent(userId);
    if (cached != null) {
      return Mono.just(cached);
    }
    return db.sql("SELECT contact_hash FROM own_addresses WHERE user_id = :user")
        .bind("user", userId)
        .map((row, meta) -> row.get(0, String.class))
        .all()
        .collect(HashSet<String>::new, Set::add)
        .map(
            hashes -> {
              Set<String> frozen = Set.copyOf(hashes);
              cache.put(userId, frozen);
              return frozen;
            });
  }

  private static Set<String> with(Set<String> hashes, String hash) {
    Set<String> more = new HashSet<>(hashes);
    more.add(hash);
    return Set.copyOf(more);
  }

  private Optional<String> hash(String userId, @Nullable String account) {
    return account == null
        ? Optional.empty()
        : Addresses.normalize(account).map(a -> hasher.hash(userId, a));
  }
}
