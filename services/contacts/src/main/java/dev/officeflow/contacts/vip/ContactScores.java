package dev.officeflow.contacts.vip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Scores contacts and persists {@code vip_score}, the rank key, the band and the factors. Used
 * after each write for the contacts it touched, and on demand for all of a user's contacts.
 */
public final class ContactScores {

  private static final String SAVE =
      """
      UPDATE contacts c SET vip_score = s.score, rank_key = NULLIF(s.rank_key, 'NaN'::float8),
             score_band = s.band, score_factors = s.factors::jsonb,
             scored_at = to_timestamp(s.scored_ms / 1000.0)
      FROM unnest(:users::text[], :hashes::text[], :scores::float8[], :rankKeys::float8[],
                  :bands::text[], :factors::text[], :scoredMs::int8[])
           AS s(user_id, contact_hash, score, rank_key, band, factors, scored_ms)
      WHERE c.user_id = s.user_id AND c.contact_hash = s.contact_hash
      """;

  private static final String MARK_SCORED =
      """
      INSERT INTO user_state (user_id, scoring_fingerprint, scored_at)
      VALUES (:user, :fingerprint, now())
      ON CONFLICT (user_id) DO UPDATE
        SET scoring_fingerprint = EXCLUDED.scoring_fingerprint, scored_at = EXCLUDED.scored_at,
            contacts_version = nextval('contacts_version_seq')
      """;

  private final DatabaseClient db;
  private final VipScorer scorer;

  ContactScores(DatabaseClient db, VipScorer scorer) {
    this.db = db;
    this.scorer = scorer;
  }

  public VipScorer scorer() {
    return scorer;
  }

  /** Scores {@code contacts} (as just read) and saves what changed. */
  public Mono<List<ScoredContact>> scoreAndSave(
      List<ContactAggregate> contacts, List<Boolean> created) {
    List<ScoredContact> scored =
        java.util.stream.IntStream.range(0, contacts.size())
            .mapToObj(
                i ->
                    new ScoredContact(
                        contacts.get(i),
                        scorer.score(contacts.get(i)),
                        created.get(i),
                        contacts.get(i).band()))
            .toList();
    return save(scored).thenReturn(scored);
  }

  /** Rescores every contact of {@code userId} with the current settings. */
  public Mono<Integer> rescore(String userId) {
    return db.sql("SELECT * FROM contacts WHERE user_id = :user")
        .bind("user", userId)
        .map((row, meta) -> ContactRows.aggregate(row))
        .all()
        .collectList()
        .flatMap(all -> scoreAndSave(all, java.util.Collections.nCopies(all.size(), false)))
        .flatMap(
            scored ->
                db.sql(MARK_SCORED)
                    .bind("user", userId)
                    .bind("fingerprint", scorer.settings().scoringFingerprint())
                    .then()
                    .thenReturn(scored.size()));
  }

  private Mono<Void> save(List<ScoredContact> scored) {
    if (scored.isEmpty()) {
      return Mono.empty();
    }
    int n = scored.size();
    String[] users = new String[n];
    String[] hashes = new String[n];
    Double[] scores = new Double[n];
    Double[] rankKeys = new Double[n];
    String[] bands = new String[n];
    String[] factors = new String[n];
    Long[] scoredMs = new Long[n];
    for (int i = 0; i < n; i++) {
      ScoredContact s = scored.get(i);
      users[i] = s.contact().userId();
      hashes[i] = s.contact().contactHash();
      scores[i] = s.score().score();
      rankKeys[i] = s.score().rankKey() == null ? Double.NaN : s.score().rankKey();
      bands[i] = s.score().band().wire();
      factors[i] = json(s.score().factors());
      scoredMs[i] = s.score().scoredAt().toEpochMilli();
    }
    return db.sql(SAVE)
        .bind("users", users)
        .bind("hashes", hashes)
        .bind("scores", scores)
        .bind("rankKeys", rankKeys)
        .bind("bands", bands)
        .bind("factors", factors)
        .bind("scoredMs", scoredMs)
        .then();
  }

  /**
   * The factors as a JSON object, with 6 decimals (4 for the penalty) rounded half-up as {@code
   * %.6f} would. Written by hand: {@code String.format} parses its pattern with a regex on every
   * call, and every touched contact of every batch is scored.
   */
  static String json(VipScore.Factors f) {
    return new StringBuilder(192)
        .append("{\"email_sent\":")
        .append(fixed(f.emailSent(), 6))
        .append(",\"email_received\":")
        .append(fixed(f.emailReceived(), 6))
        .append(",\"email_shared\":")
        .append(fixed(f.emailShared(), 6))
        .append(",\"meetings\":")
        .append(fixed(f.meetings(), 6))
        .append(",\"two_way\":")
        .append(f.twoWay())
        .append(",\"one_way_penalty\":")
        .append(fixed(f.oneWayPenalty(), 4))
        .append(",\"automated\":")
        .append(f.automated())
        .append('}')
        .toString();
  }

  private static String fixed(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /** Reads the given contacts, in no particular order. */
  public Flux<ContactAggregate> load(String[] users, String[] hashes) {
    return db.sql(
            "SELECT c.* FROM contacts c JOIN unnest(:users::text[], :hashes::text[]) AS t(u, h)"
                + " ON c.user_id = t.u AND c.contact_hash = t.h")
        .bind("users", users)
        .bind("hashes", hashes)
        .map((row, meta) -> ContactRows.aggregate(row))
        .all();
  }
}
