package dev.officeflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  @Test
  void republishedEventHasTheSameKeysDespiteANewEventId() {
    EmailEvent first = EventFixtures.emailEvent("user-1", "m1");
    EmailEvent again = EventFixtures.emailEvent("user-1", "m1");

    assertThat(again.metadata().eventId()).isNotEqualTo(first.metadata().eventId());
    assertThat(IdempotencyKeys.item(again)).isEqualTo(IdempotencyKeys.item(first));
    assertThat(IdempotencyKeys.version(again)).isEqualTo(IdempotencyKeys.version(first));
  }

  @Test
  void newerVersionKeepsItsItemKeyButNotItsVersionKey() {
    EmailEvent first = EventFixtures.emailEvent("user-1", "m1");
    EmailEvent newer =
        new EmailEvent(
            first.metadata(),
            first.userId(),
            Operation.UPDATE,
            null,
            first.lastUpdated().plusSeconds(1),
            first.syncTimestamp(),
            first.provider(),
            SyncType.REAL_TIME,
            first.email(),
            null);

    assertThat(IdempotencyKeys.item(newer)).isEqualTo("user-1:google:m1");
    assertThat(IdempotencyKeys.version(newer)).isNotEqualTo(IdempotencyKeys.version(first));
    assertThat(IdempotencyKeys.isStale(first, newer.lastUpdated())).isTrue();
    assertThat(IdempotencyKeys.isStale(newer, first.lastUpdated())).isFalse();
  }

  @Test
  void batchKeyJoinsBatchAndCorrelation() {
    assertThat(IdempotencyKeys.batch(EventFixtures.emailEvent("user-1", "m1")))
        .isEqualTo("job-1:job-1");
    assertThat(IdempotencyKeys.batch(EventFixtures.userEvent("user-1"))).isEmpty();
  }
}
