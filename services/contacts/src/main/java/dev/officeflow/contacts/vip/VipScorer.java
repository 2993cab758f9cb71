package dev.officeflow.contacts.vip;

import dev.officeflow.contacts.vip.ContactAggregate.DecayedSums;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Computes a contact's {@link VipScore} from its aggregates (see {@link VipScoringSettings}). */
public final class VipScorer {

  private static final double LN2 = Math.log(2);

  private final VipScoringSettings settings;
  private final Clock clock;

  VipScorer(VipScoringSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public VipScoringSettings settings() {
    return settings;
  }

  public VipScore score(ContactAggregate contact) {
    Instant now = clock.instant();
    double decay = Math.pow(2, -halfLives(now));
    DecayedSums d = contact.decayed();
    double sent = decay * (settings.sentTo() * d.sentTo() + settings.sentCc() * d.sentCc());
    double received =
        decay * (settings.receivedTo() * d.receivedTo() + settings.receivedCc() * d.receivedCc());
    double shared = decay * settings.shared() * d.shared();
    double meetings =
        decay
            * (settings.smallMeeting() * d.smallMeetings()
                + settings.largeMeeting() * d.largeMeetings());
    boolean twoWay = contact.counts().twoWay();
    double penalty = twoWay ? 1.0 : settings.oneWayFactor();
    double score = contact.automated() ? 0 : penalty * (sent + received + shared) + meetings;
    VipScore.Factors factors =
        new VipScore.Factors(
            sent, received, shared, meetings, twoWay, penalty, contact.automated());
    Double rankKey = score > 0 ? Math.log(score) + LN2 * halfLives(now) : null;
    return new VipScore(
        score, rankKey, ScoreBand.of(score, settings.bandThresholds()), factors, now);
  }

  /** The score now of a contact stored with {@code rankKey}. */
  public double scoreNow(double rankKey) {
    return Math.exp(rankKey - LN2 * halfLives(clock.instant()));
  }

  private double halfLives(Instant at) {
    double seconds = Duration.between(VipScoringSettings.DECAY_EPOCH, at).toMillis() / 1000.0;
    return seconds / settings.halfLifeSeconds();
  }
}
