package dev.officeflow.contacts.vip;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One contact's stored aggregates: counts by kind and direction, decayed sums relative to {@link
 * VipScoringSettings#DECAY_EPOCH}, first/last seen, and the band it was last scored in.
 */
public record ContactAggregate(
    String userId,
    String contactHash,
    @Nullable String displayName,
    @Nullable String domain,
    Counts counts,
    DecayedSums decayed,
    boolean automated,
    Instant firstSeen,
    Instant lastSeen,
    @Nullable Instant lastOutbound,
    ScoreBand band) {

  /** Interactions counted by kind. */
  public record Counts(
      int interactions,
      int emailsSentTo,
      int emailsSentCc,
      int emailsReceived,
      int emailsShared,
      int meetings,
      int smallMeetings) {

    public int emailsSent() {
      return emailsSentTo + emailsSentCc;
    }

    /** Mail went both ways: the user wrote to the contact and the contact wrote back. */
    public boolean twoWay() {
      return emailsSent() > 0 && emailsReceived > 0;
    }
  }

  /** Σ 2^((t − epoch) / halfLife) per category. */
  public record DecayedSums(
      double sentTo,
      double sentCc,
      double receivedTo,
      double receivedCc,
      double shared,
      double smallMeetings,
      double largeMeetings) {}
}
