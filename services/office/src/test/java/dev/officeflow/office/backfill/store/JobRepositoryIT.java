package dev.officeflow.office.backfill.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.Checkpoint;
import dev.officeflow.office.backfill.JobStatus;
import dev.officeflow.office.backfill.NewJob;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.testing.JobDatabase;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leases, checkpoints and the one-active-job rule, against PostgreSQL. */
@IntegrationTest
class JobRepositoryIT {

  private static final Duration LONG_LEASE = Duration.ofMinutes(5);
  private static final Duration SHORT_LEASE = Duration.ofMillis(300);

  private static JobRepository jobs;

  @BeforeAll
  static void database() {
    jobs = new JobRepository(JobDatabase.migrated());
  }

  private static NewJob newJob(String user, String provider) {
    Instant now = Instant.now();
    return new NewJob(user, provider, now.minus(Duration.ofDays(30)), now, now, 2000, 2000);
  }

  /** Inserts a job for a fresh user and claims it as {@code owner}. */
  private static BackfillJob claimedBy(String owner, Duration lease) {
    NewJob job = newJob(UUID.randomUUID().toString(), "google");
    BackfillJob inserted = jobs.insert(UUID.randomUUID(), job).block();
    return claimUntil(owner, lease, inserted.id());
  }

  /** Claims until this job comes up (other tests' jobs may be due too). */
  private static BackfillJob claimUntil(String owner, Duration lease, UUID id) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> jobs.claim(owner, lease).blockOptional(), o -> isJob(o, id))
        .orElseThrow();
  }

  private static boolean isJob(Optional<BackfillJob> job, UUID id) {
    return job.filter(j -> j.id().equals(id)).isPresent();
  }

  /** Claims as many times as jobs come up; true if {@code id} was among them. */
  private static boolean claimable(String owner, UUID id) {
    for (int i = 0; i < 50; i++) {
      Optional<BackfillJob> claimed = jobs.claim(owner, LONG_LEASE).blockOptional();
      if (claimed.isEmpty()) {
        return false;
      }
      if (isJob(claimed, id)) {
        return true;
      }
    }
    return false;
  }

  private static Progress progress(Checkpoint checkpoint) {
    return new Progress(checkpoint, 100, 98, 2, 0, 2000, 300, Map.of(), true);
  }

  @Test
  void aUserHasAtMostOneActiveJobPerProvider() {
    String user = UUID.randomUUID().toString();

    assertThat(jobs.insert(UUID.randomUUID(), newJob(user, "google")).blockOptional()).isPresent();
    assertThat(jobs.insert(UUID.randomUUID(), newJob(user, "google")).blockOptional()).isEmpty();
    assertThat(jobs.insert(UUID.randomUUID(), newJob(user, "microsoft")).blockOptional())
        .isPresent();
  }

  @Test
  void aFinishedJobMakesRoomForANewOne() {
    BackfillJob job = claimedBy("owner-a", LONG_LEASE);
    jobs.complete(job.id(), "owner-a").block();

    assertThat(jobs.insert(UUID.randomUUID(), newJob(job.userId(), "google")).blockOptional())
        .isPresent();
  }

  @Test
  void aLeasedJobIsNotClaimedAgainWhileItsLeaseHolds() {
    BackfillJob job = claimedBy("owner-a", LONG_LEASE);

    assertThat(claimable("owner-b", job.id())).isFalse();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndCountsAsAnAttempt() {
    BackfillJob job = claimedBy("owner-a", SHORT_LEASE);

    BackfillJob takenOver = claimUntil("owner-b", LONG_LEASE, job.id());

    assertThat(takenOver.leaseOwner()).isEqualTo("owner-b");
    assertThat(takenOver.attempts()).isEqualTo(1);
    assertThat(takenOver.runs()).isEqualTo(2);
  }

  @Test
  void theFormerOwnerCannotWriteAfterATakeover() {
    BackfillJob job = claimedBy("owner-a", SHORT_LEASE);
    claimUntil("owner-b", LONG_LEASE, job.id());

    assertThat(jobs.renew(job.id(), "owner-a", LONG_LEASE).block()).isFalse();
    assertThat(
            jobs.checkpoint(job.id(), "owner-a", LONG_LEASE, progress(Checkpoint.start(Phase.MAIL)))
                .block())
        .isFalse();
    assertThat(jobs.complete(job.id(), "owner-a").block()).isFalse();
    assertThat(jobs.find(job.id()).block().leaseOwner()).isEqualTo("owner-b");
  }

  @Test
  void aCheckpointStoresThePositionAndAddsTheCounters() {
    BackfillJob job = claimedBy("owner-a", LONG_LEASE);
    Checkpoint at = new Checkpoint(Phase.MAIL, "page-2", "m-77", 577);

    jobs.checkpoint(job.id(), "owner-a", LONG_LEASE, progress(at)).block();
    jobs.checkpoint(job.id(), "owner-a", LONG_LEASE, progress(at)).block();

    BackfillJob stored = jobs.find(job.id()).block();
    assertThat(stored.checkpoint()).isEqualTo(at);
    assertThat(stored.published()).isEqualTo(196);
    assertThat(stored.skipped()).isEqualTo(4);
    assertThat(stored.mailEstimate() + stored.calendarEstimate()).isEqualTo(2300);
  }

  @Test
  void cancellingEndsTheLeaseOfTheRunningInstance() {
    BackfillJob job = claimedBy("owner-a", LONG_LEASE);

    assertThat(jobs.cancel(job.id()).block().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(jobs.renew(job.id(), "owner-a", LONG_LEASE).block()).isFalse();
    assertThat(jobs.cancel(job.id()).blockOptional()).isEmpty();
  }

  @Test
  void failingAnActiveJobRecordsTheReasonAndEndsTheRunningLease() {
    BackfillJob job = claimedBy("owner-a", LONG_LEASE);

    BackfillJob failed = jobs.failActive(job.id(), "integration revoked").block();

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error()).isEqualTo("integration revoked");
    assertThat(jobs.renew(job.id(), "owner-a", LONG_LEASE).block()).isFalse();
    assertThat(jobs.failActive(job.id(), "again").blockOptional()).isEmpty();
  }

  @Test
  void aJobKeepsTheTraceItWasCreatedIn() {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    NewJob job = newJob(UUID.randomUUID().toString(), "google");

    BackfillJob inserted = jobs.insert(UUID.randomUUID(), job, traceparent).block();

    assertThat(claimUntil("owner-a", LONG_LEASE, inserted.id()).traceparent())
        .isEqualTo(traceparent);
  }

  @Test
  void aRequeuedJobWaitsForItsBackoff() {
    BackfillJob job = claimedBy("owner-a", LONG_LEASE);
    jobs.requeue(job.id(), "owner-a", Duration.ofMinutes(10), 1, "gmail: 503").block();

    BackfillJob stored = jobs.find(job.id()).block();
    assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(stored.error()).isEqualTo("gmail: 503");
    assertThat(claimable("owner-b", job.id())).isFalse();
  }
}
