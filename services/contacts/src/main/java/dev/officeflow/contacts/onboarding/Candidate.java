package dev.officeflow.contacts.onboarding;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A VIP candidate as the frontend shows it.
 *
 * @param score the score now (recency decay applied)
 * @param factors what the score is made of, as of {@code scored_at} (JSON object)
 */
public record Candidate(
    int rank,
    String contactHash,
    @Nullable String displayName,
    @Nullable String domain,
    double score,
    String band,
    @JsonRawValue String factors,
    Counts counts,
    Instant firstSeen,
    Instant lastSeen,
    @Nullable Instant lastOutbound) {

  /** Interactions by kind. */
  public record Counts(
      int interactions,
      int emailsSent,
      int emailsReceived,
      int emailsShared,
      int meetings,
      int smallMeetings) {}

  /** This candidate at {@code newRank} with {@code newScore}. */
  public Candidate ranked(int newRank, double newScore) {
    return new Candidate(
        newRank,
        contactHash,
        displayName,
        domain,
        newScore,
        band,
        factors,
        counts,
        firstSeen,
        lastSeen,
        lastOutbound);
  }
}
