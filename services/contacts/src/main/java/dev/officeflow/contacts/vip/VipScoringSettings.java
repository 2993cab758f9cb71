package dev.officeflow.contacts.vip;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How contacts are scored ({@code officeflow.contacts.vip.*}), in the spirit of Google's
 * "Interactions Rank": every interaction counts with a weight for its kind and direction, decayed
 * by its age, and one-way contacts are penalised.
 *
 * <pre>
 *   d(t)    = 2^(−age(t) / halfLife)                                recency decay
 *   email   = sentTo·Σd(to) + sentCc·Σd(cc) + receivedTo·Σd(from, user in To)
 *           + receivedCc·Σd(from, user only Cc) + shared·Σd(co-recipient)
 *   meeting = smallMeeting·Σd(meetings of ≤ smallMeetingMaxPeople) + largeMeeting·Σd(larger ones)
 *   score   = (twoWay ? 1 : oneWayFactor) · email + meeting          twoWay: mail both ways
 *   automated senders (lists, notifications, no-reply): never ranked, score 0
 * </pre>
 *
 * Because every term decays with the same half-life, the ranking does not change with time alone;
 * scores are stored with a time-independent rank key. Contact aggregates keep the decayed sums per
 * category, so changing {@code halfLife} or {@code smallMeetingMaxPeople} needs a rebuild of the
 * aggregates (which the service does by itself when it sees new values at start).
 *
 * @param halfLife age at which an interaction counts half; default 30 days, at least 7 days
 * @param sentTo weight of a message the user sent to the contact in To; default 3.0
 * @param sentCc weight of a message the user sent with the contact on Cc/Bcc; default 1.5
 * @param receivedTo weight of a message from the contact with the user in To; default 1.0
 * @param receivedCc weight of a message from the contact with the user only on Cc; default 0.5
 * @param shared weight of a message both received from someone else; default 0.1
 * @param smallMeeting weight of a meeting with at most {@code smallMeetingMaxPeople}; default 4.0
 * @param largeMeeting weight of a larger meeting; default 1.5
 * @param smallMeetingMaxPeople people (user included) up to which a meeting is small; default 4
 * @param oneWayFactor multiplies the email part when mail never went both ways; default 0.15
 * @param bandThresholds lower bounds of the bands {@code top}, {@code high}, {@code medium}; any
 *     positive score below the last is {@code low}; default 25, 10, 3
 */
@ConfigurationProperties("officeflow.contacts.vip")
public record VipScoringSettings(
    @DefaultValue("30d") Duration halfLife,
    @DefaultValue("3.0") double sentTo,
    @DefaultValue("1.5") double sentCc,
    @DefaultValue("1.0") double receivedTo,
    @DefaultValue("0.5") double receivedCc,
    @DefaultValue("0.1") double shared,
    @DefaultValue("4.0") double smallMeeting,
    @DefaultValue("1.5") double largeMeeting,
    @DefaultValue("4") int smallMeetingMaxPeople,
    @DefaultValue("0.15") double oneWayFactor,
    @DefaultValue({"25", "10", "3"}) double[] bandThresholds) {

  /** Decayed sums are kept relative to this instant (see the class comment). */
  public static final Instant DECAY_EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  public VipScoringSettings {
    if (halfLife.compareTo(Duration.ofDays(7)) < 0) {
      throw new IllegalArgumentException(
          "officeflow.contacts.vip.half-life must be at least 7 days");
    }
    if (bandThresholds.length != 3) {
      throw new IllegalArgumentException("officeflow.contacts.vip.band-thresholds: three values");
    }
    if (oneWayFactor < 0 || oneWayFactor > 1) {
      throw new IllegalArgumentException(
          "officeflow.contacts.vip.one-way-factor must be within 0..1");
    }
  }

  public static VipScoringSettings defaults() {
    return new VipScoringSettings(
        Duration.ofDays(30), 3.0, 1.5, 1.0, 0.5, 0.1, 4.0, 1.5, 4, 0.15, new double[] {25, 10, 3});
  }

  public double halfLifeSeconds() {
    return halfLife.toSeconds();
  }

  /** Identifies the settings the stored decayed sums depend on. */
  public String aggregateFingerprint() {
    return "half-life=" + halfLife.toSeconds() + ";small=" + smallMeetingMaxPeople;
  }

  /** Identifies every setting a stored score depends on. */
  public String scoringFingerprint() {
    return String.format(
        Locale.ROOT,
        "%s;w=%s,%s,%s,%s,%s,%s,%s;one-way=%s;bands=%s,%s,%s",
        aggregateFingerprint(),
        sentTo,
        sentCc,
        receivedTo,
        receivedCc,
        shared,
        smallMeeting,
        largeMeeting,
        oneWayFactor,
        bandThresholds[0],
        bandThresholds[1],
        bandThresholds[2]);
  }
}
