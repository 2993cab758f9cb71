package dev.officeflow.contacts.vip;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A contact's score at {@code scoredAt} and what it is made of, for the frontend to explain it.
 *
 * @param rankKey {@code ln(score) + ln 2 · (scoredAt − epoch) / halfLife}: orders contacts scored
 *     at different times correctly; null when the contact is not ranked
 */
public record VipScore(
    double score, @Nullable Double rankKey, ScoreBand band, Factors factors, Instant scoredAt) {

  /**
   * The parts of the score, decayed to {@code scoredAt}.
   *
   * @param emailSent weighted, decayed messages the user sent to the contact
   * @param emailReceived weighted, decayed messages the contact sent to the user
   * @param emailShared weighted, decayed messages both received
   * @param meetings weighted, decayed meetings together
   * @param twoWay mail went both ways
   * @param oneWayPenalty the factor on the email part (1 when two-way)
   * @param automated an automated sender, never ranked
   */
  public record Factors(
      double emailSent,
      double emailReceived,
      double emailShared,
      double meetings,
      boolean twoWay,
      double oneWayPenalty,
      boolean automated) {}
}
