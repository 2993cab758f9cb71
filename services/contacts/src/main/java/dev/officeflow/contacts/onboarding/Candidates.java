package dev.officeflow.contacts.onboarding;

import dev.officeflow.contacts.vip.ContactRows;
import dev.officeflow.contacts.vip.ContactScores;
import dev.officeflow.contacts.vip.VipScorer;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The user's ranked candidates, read from the rank index. Scores stored with other settings are
 * recomputed on demand first. One primary-key read per request checks both the scoring settings and
 * the user's contacts version; the ranked rows come from the {@link CandidateCache} while that
 * version holds, so the rank index is read again only after a write that can change them.
 */
public final class Candidates {

  /** With the user's address salt, so the one primary-key read per request is still one. */
  private static final String STATE =
      """
      SELECT s.scoring_fingerprint, s.contacts_version, k.salt
      FROM user_state s LEFT JOIN user_address_keys k ON k.user_id = s.user_id
      WHERE s.user_id = :user
      """;

  private static final String TOP =
      """
      SELECT contact_hash, display_name, address_ciphertext, address_key_id, domain, rank_key,
             score_band,
             COALESCE(score_factors::text, '{}') AS factors, interactions, emails_sent_to,
             emails_sent_cc, emails_received, emails_shared, meetings, small_meetings,
             first_seen, last_seen, last_outbound
      FROM contacts
      WHERE user_id = :user AND rank_key IS NOT NULL
      ORDER BY rank_key DESC, contact_hash
      LIMIT :limit
      """;

  private final DatabaseClient db;
  private final ContactScores scores;
  private final CandidateCache cache;
  private final AddressOpener addresses;
  private final String fingerprint;

  Candidates(
      DatabaseClient db,
      ContactScores scores,
      OnboardingSettings settings,
      AddressOpener addresses) {
    this.db = db;
    this.scores = scores;
    this.addresses = addresses;
    this.cache = new CandidateCache(settings.candidateCacheUsers());
    this.fingerprint = scores.scorer().settings().scoringFingerprint();
  }

  /** The caller's best {@code limit} candidates, each address opened for {@code userId} only. */
  public Mono<List<Candidate>> top(String userId, int limit) {
    return state(userId)
        .flatMap(
            state ->
                (state.fingerprint().equals(fingerprint)
                        ? current(userId, limit, state.version())
                        : scores.rescore(userId).then(read(userId, limit)))
                    .map(rows -> ranked(userId, state.salt(), rows)))
        .switchIfEmpty(
            Mono.defer(
                () -> {
                  cache.forget(userId);
                  return read(userId, limit).map(rows -> ranked(userId, null, rows));
                }));
  }

  /** The rows at {@code version}: cached, or read and cached. */
  private Mono<List<CandidateCache.Row>> current(String userId, int limit, long version) {
    return Mono.justOrEmpty(cache.get(userId, version, limit))
        .switchIfEmpty(
            read(userId, limit).doOnNext(rows -> cache.put(userId, version, limit, rows)));
  }

  private Mono<State> state(String userId) {
    return db.sql(STATE)
        .bind("user", userId)
        .map(
            (row, meta) ->
                new State(
                    Objects.requireNonNullElse(row.get(0, String.class), ""),
                    Objects.requireNonNull(row.get(1, Long.class)),
                    AddressOpener.bytes(row, "salt")))
        .one();
  }

  private Mono<List<CandidateCache.Row>> read(String userId, int limit) {
    return db.sql(TOP)
        .bind("user", userId)
        .bind("limit", limit)
        .map((row, meta) -> row(row))
        .all()
        .collectList();
  }

  /** Ranks in order, sets each score as of now and opens each address for {@code userId}. */
  private List<Candidate> ranked(
      String userId, byte @Nullable [] salt, List<CandidateCache.Row> rows) {
    VipScorer scorer = scores.scorer();
    List<@Nullable String> opened =
        addresses.open(
            userId,
            salt,
            rows.stream()
                .map(r -> new AddressOpener.Sealed(r.candidate().contactHash(), r.sealed()))
                .toList());
    List<Candidate> out = new ArrayList<>(rows.size());
    for (CandidateCache.Row row : rows) {
      Double rankKey = row.rankKey();
      double score = rankKey == null ? 0 : scorer.scoreNow(rankKey);
      out.add(row.candidate().ranked(out.size() + 1, score, opened.get(out.size())));
    }
    return out;
  }

  /**
   * @param salt the user's address salt, null when they have none
   */
  private record State(String fingerprint, long version, byte @Nullable [] salt) {}

  private static CandidateCache.Row row(Readable row) {
    return new CandidateCache.Row(
        candidate(row), row.get("rank_key", Double.class), AddressOpener.sealed(row));
  }

  private static Candidate candidate(Readable row) {
    return new Candidate(
        0,
        ContactRows.text(row, "contact_hash"),
        row.get("display_name", String.class),
        null,
        row.get("domain", String.class),
        0,
        ContactRows.text(row, "score_band"),
        ContactRows.text(row, "factors"),
        new Candidate.Counts(
            ContactRows.integer(row, "interactions"),
            ContactRows.integer(row, "emails_sent_to") + ContactRows.integer(row, "emails_sent_cc"),
            ContactRows.integer(row, "emails_received"),
            ContactRows.integer(row, "emails_shared"),
            ContactRows.integer(row, "meetings"),
            ContactRows.integer(row, "small_meetings")),
        ContactRows.instant(row, "first_seen"),
        ContactRows.instant(row, "last_seen"),
        ContactRows.optionalInstant(row, "last_outbound"));
  }
}
