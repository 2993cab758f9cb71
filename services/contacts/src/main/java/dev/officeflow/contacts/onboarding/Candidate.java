package dev.officeflow.contacts.onboarding;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A VIP candidate as the frontend shows it: by its display name, else by its address.
 *
 * @param address the contact's address, opened for its own user only; null until the contact has an
 *     interaction sealed with its address (contacts older than the sealed addresses get one with
 *     their next message or meeting), or when it does not open (its key is gone)
 * @param score the score now (recency decay applied)
 * @param factors what the score is made of, as of {@code scored_at} (JSON object)
 */
public record Candidate(
    int rank,
    String contactHash,
    @Nullable String displayName,
    @Nullable String address,
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

  /** This candidate at {@code newRank} with {@code newScore} and its opened {@code newAddress}. */
  public Candidate ranked(int newRank, double newScore, @Nullable String newAddress) {
    return new Candidate(
        newRank,
        contactHash,
        displayName,
        newAddress,
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
