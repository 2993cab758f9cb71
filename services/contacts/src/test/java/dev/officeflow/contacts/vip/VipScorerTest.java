package dev.officeflow.contacts.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VipScorerTest {

  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private final VipScoringSettings settings = VipScoringSettings.defaults();
  private final VipScorer scorer = new VipScorer(settings, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void interactionHalfALifeAgoCountsHalf() {
    double fresh = scorer.score(contact(twoWay(), sums(NOW, 1), false)).score();
    double old =
        scorer.score(contact(twoWay(), sums(NOW.minus(settings.halfLife()), 1), false)).score();

    assertThat(old).isCloseTo(fresh / 2, within(1e-9));
  }

  @Test
  void oneWayContactIsPenalised() {
    double both = scorer.score(contact(twoWay(), sums(NOW, 1), false)).score();
    double oneWay =
        scorer
            .score(contact(new ContactAggregate.Counts(1, 0, 0, 1, 0, 0, 0), sums(NOW, 1), false))
            .score();

    assertThat(oneWay).isCloseTo(both * settings.oneWayFactor(), within(1e-9));
  }

  @Test
  void automatedSenderIsNeverRanked() {
    VipScore score = scorer.score(contact(twoWay(), sums(NOW, 5), true));

    assertThat(score.score()).isZero();
    assertThat(score.rankKey()).isNull();
    assertThat(score.band()).isEqualTo(ScoreBand.NONE);
  }

  @Test
  void rankKeyGivesBackTheScoreLater() {
    VipScore score = scorer.score(contact(twoWay(), sums(NOW, 3), false));
    VipScorer later =
        new VipScorer(settings, Clock.fixed(NOW.plus(settings.halfLife()), ZoneOffset.UTC));

    assertThat(later.scoreNow(score.rankKey())).isCloseTo(score.score() / 2, within(1e-9));
  }

  @Test
  void smallMeetingWeighsMoreThanLargeAndMeetingMoreThanReceivedMail() {
    double w =
        Math.pow(
            2,
            Duration.between(VipScoringSettings.DECAY_EPOCH, NOW).toSeconds()
                / settings.halfLifeSeconds());
    var counts = new ContactAggregate.Counts(1, 0, 0, 0, 0, 1, 1);
    double small =
        scorer
            .score(contact(counts, new ContactAggregate.DecayedSums(0, 0, 0, 0, 0, w, 0), false))
            .score();
    double large =
        scorer
            .score(contact(counts, new ContactAggregate.DecayedSums(0, 0, 0, 0, 0, 0, w), false))
            .score();
    double received =
        scorer
            .score(contact(twoWay(), new ContactAggregate.DecayedSums(0, 0, w, 0, 0, 0, 0), false))
            .score();

    assertThat(small).isGreaterThan(large).isGreaterThan(received);
  }

  private static ContactAggregate.Counts twoWay() {
    return new ContactAggregate.Counts(2, 1, 0, 1, 0, 0, 0);
  }

  /** {@code n} messages each way at {@code when}. */
  private ContactAggregate.DecayedSums sums(Instant when, int n) {
    double w =
        n
            * Math.pow(
                2,
                Duration.between(VipScoringSettings.DECAY_EPOCH, when).toSeconds()
                    / settings.halfLifeSeconds());
    return new ContactAggregate.DecayedSums(w, 0, w, 0, 0, 0, 0);
  }

  private static ContactAggregate contact(
      ContactAggregate.Counts counts, ContactAggregate.DecayedSums sums, boolean automated) {
    return new ContactAggregate(
        "u", "h", null, "x.test", counts, sums, automated, NOW, NOW, null, ScoreBand.NONE);
  }
}
