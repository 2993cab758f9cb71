package dev.officeflow.contacts.onboarding;

import dev.officeflow.contacts.vip.ContactRows;
import dev.officeflow.contacts.vip.ContactScores;
import dev.officeflow.contacts.vip.VipScorer;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The user's ranked candidates, read from the rank index. Scores stored with other settings are
 * recomputed on demand first.
 */
public final class Candidates {

  private static final String TOP =
      """
      SELECT contact_hash, display_name, domain, rank_key, score_band,
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

  public Candidates(DatabaseClient db, ContactScores scores) {
    this.db = db;
    this.scores = scores;
  }

  public Mono<List<Candidate>> top(String userId, int limit) {
    return ensureScored(userId)
        .then(
            db.sql(TOP)
                .bind("user", userId)
                .bind("limit", limit)
                .map((row, meta) -> candidate(row))
                .all()
                .index()
                .map(t -> t.getT2().withRank(t.getT1().intValue() + 1))
                .collectList());
  }

  /** Rescores the user's contacts when they were scored with other settings. */
  public Mono<Void> ensureScored(String userId) {
    String current = scores.scorer().settings().scoringFingerprint();
    return db.sql("SELECT scoring_fingerprint FROM user_state WHERE user_id = :user")
        .bind("user", userId)
        .map((row, meta) -> Objects.requireNonNullElse(row.get(0, String.class), ""))
        .one()
        .filter(stored -> !stored.equals(current))
        .flatMap(stale -> scores.rescore(userId))
        .then();
  }

  private Candidate candidate(Readable row) {
    VipScorer scorer = scores.scorer();
    Double rankKey = row.get("rank_key", Double.class);
    return new Candidate(
        0,
        ContactRows.text(row, "contact_hash"),
        row.get("display_name", String.class),
        row.get("domain", String.class),
        rankKey == null ? 0 : scorer.scoreNow(rankKey),
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
