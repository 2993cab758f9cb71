package dev.officeflow.contacts.onboarding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.officeflow.contacts.address.SealedAddress;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ranked rows last read for each user, valid for one contacts version ({@code
 * user_state.contacts_version}, renewed by every write that can change the ranking, on any
 * instance). Bounded to {@code maxUsers} users, the least used leaving first. Thread-safe.
 */
final class CandidateCache {

  /**
   * A candidate as read, before its rank, its score now and its address are set.
   *
   * @param rankKey the stored, time-independent rank key (null for an unranked contact)
   * @param sealed the address as stored: the cache holds no plaintext address, each request opens
   *     it for its own user
   */
  record Row(Candidate candidate, @Nullable Double rankKey, @Nullable SealedAddress sealed) {}

  /**
   * @param complete fewer rows than asked for came back: these are all the user's ranked contacts
   */
  private record Entry(long version, List<Row> rows, boolean complete) {}

  private final Cache<String, Entry> entries;
  private final int maxUsers;

  CandidateCache(int maxUsers) {
    this.maxUsers = maxUsers;
    this.entries = Caffeine.newBuilder().maximumSize(Math.max(maxUsers, 0)).build();
  }

  /** The first {@code limit} rows of {@code userId} at {@code version}, when held. */
  Optional<List<Row>> get(String userId, long version, int limit) {
    Entry entry = entries.getIfPresent(userId);
    if (entry == null
        || entry.version() != version
        || (entry.rows().size() < limit && !entry.complete())) {
      return Optional.empty();
    }
    return Optional.of(entry.rows().subList(0, Math.min(limit, entry.rows().size())));
  }

  /** Keeps the rows read for {@code limit} at {@code version} (read after the version was). */
  void put(String userId, long version, int limit, List<Row> rows) {
    if (maxUsers <= 0) {
      return;
    }
    entries.put(userId, new Entry(version, List.copyOf(rows), rows.size() < limit));
  }

  void forget(String userId) {
    entries.invalidate(userId);
  }
}
