package dev.officeflow.notifier.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FeedTimingsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final FeedTimings timings = new FeedTimings(meters, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void theLagIsFromPubSubsPublishTimeToReceiptPerSubscription() {
    timings.received("notifier-progress", publishedAt(NOW.minusMillis(1500)));

    Timer lag = lag("notifier-progress");
    assertThat(lag.count()).isEqualTo(1);
    assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
    assertThat(
            meters
                .find("officeflow.notifier.feed.received.lag")
                .tag("subscription", "notifier-emails")
                .timer())
        .isNull();
  }

  @Test
  void aPublishTimeAheadOfThisClockCountsAsNoLag() {
    timings.received("notifier-progress", publishedAt(NOW.plusSeconds(2)));

    assertThat(lag("notifier-progress").totalTime(TimeUnit.MILLISECONDS)).isZero();
  }

  @Test
  void aMessageWithoutAPublishTimeIsNotCountedAsLag() {
    timings.received("notifier-progress", PubsubMessage.getDefaultInstance());

    assertThat(meters.find("officeflow.notifier.feed.received.lag").timer()).isNull();
  }

  @Test
  void handlingIsTimedFromReceiptToTheOutcome() {
    long received = timings.received("notifier-emails", publishedAt(NOW));
    timings.handled("notifier-emails", received);

    Timer handled =
        meters
            .get("officeflow.notifier.feed.handled")
            .tag("subscription", "notifier-emails")
            .timer();
    assertThat(handled.count()).isEqualTo(1);
  }

  private Timer lag(String subscription) {
    return meters
        .get("officeflow.notifier.feed.received.lag")
        .tag("subscription", subscription)
        .timer();
  }

  private static PubsubMessage publishedAt(Instant time) {
    return PubsubMessage.newBuilder()
        .setPublishTime(
            Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()))
        .build();
  }
}
