package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.office.providers.google.calendar.SyncStore.SyncState;
import dev.officeflow.office.testing.JobDatabase;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sync lease that lets several office instances share calendars, against PostgreSQL: each "run"
 * here stands for a listing on some instance.
 */
@IntegrationTest
class SyncStoreIT {

  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static SyncStore store;

  @BeforeAll
  static void database() {
    store = new SyncStore(JobDatabase.migrated());
  }

  @Test
  void secondListingOfACalendarWaitsWhileTheFirstHoldsTheLease() {
    CalendarKey key = registered();
    assertThat(claim(key, "a")).isPresent();

    store.markPending(key).block();

    assertThat(claim(key, "b")).isEmpty();
  }

  @Test
  void holderListsAgainWhenAskedWhileListingThenLetsGo() {
    CalendarKey key = registered();
    claim(key, "a");
    store.markPending(key).block();

    assertThat(store.finish(key, "a", LEASE).blockOptional()).isPresent();
    assertThat(store.finish(key, "a", LEASE).blockOptional()).isEmpty();
    store.markPending(key).block();
    assertThat(claim(key, "b")).isPresent();
  }

  @Test
  void expiredLeaseIsTakenOverAndTheOldHolderCannotStoreItsToken() {
    CalendarKey key = registered();
    store.claimSync(key, "a", Duration.ofMillis(1)).block();
    store.markPending(key).block();

    await().atMost(Duration.ofSeconds(5)).until(() -> claim(key, "b").isPresent());

    assertThat(store.saveToken(key, "a", "stale", NOW).block()).isFalse();
    assertThat(store.saveToken(key, "b", "fresh", NOW).block()).isTrue();
  }

  @Test
  void failedListingLeavesTheCalendarDueForTheNextTick() {
    CalendarKey key = registered();
    claim(key, "a");

    store.releaseFailed(key, "a").block();

    assertThat(store.markDue(NOW.minusSeconds(60)).collectList().block()).contains(key);
  }

  private static CalendarKey registered() {
    CalendarKey key = CalendarKey.primary("user-" + UUID.randomUUID(), "google");
    store.register(key, NOW, NOW.plus(Duration.ofMinutes(15))).block();
    return key;
  }

  private static Optional<SyncState> claim(CalendarKey key, String run) {
    return store.claimSync(key, run, LEASE).blockOptional();
  }
}
