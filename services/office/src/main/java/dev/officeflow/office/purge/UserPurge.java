package dev.officeflow.office.purge;

import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.lifecycle.UserForgotten;
import dev.officeflow.office.tokens.ProviderTokens;
import dev.officeflow.office.tokens.PurgeTokens;
import dev.officeflow.runtime.forget.ForgottenUsers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What forgetting a deleted user means in the office, in the order ARCHITECTURE §2 (flow 6) gives:
 * recorded as forgotten; jobs deleted; every watch and channel stopped at the provider with the
 * grant the user service still holds for this; the user's Redis keys deleted; and only then the
 * user service told, which revokes the grant. Each step is idempotent, so a purge that failed
 * anywhere is run again from the start; a step fails the purge rather than being skipped.
 */
final class UserPurge {

  private static final Logger LOG = LoggerFactory.getLogger(UserPurge.class);

  private final ForgottenUsers forgotten;
  private final BackfillService backfill;
  private final List<ProviderWatches> watches;
  private final OfficeKeys keys;
  private final ProviderTokens tokens;
  private final ApplicationEventPublisher lifecycle;

  UserPurge(
      ForgottenUsers forgotten,
      BackfillService backfill,
      List<ProviderWatches> watches,
      OfficeKeys keys,
      ProviderTokens tokens,
      ApplicationEventPublisher lifecycle) {
    this.forgotten = forgotten;
    this.backfill = backfill;
    this.watches = List.copyOf(watches);
    this.keys = keys;
    this.tokens = tokens;
    this.lifecycle = lifecycle;
  }

  /** What a purge removed, for its log line. */
  private record Purged(long jobs, long redisKeys) {}

  /** Completes when the user is purged and the user service told; fails to be run again. */
  Mono<Void> purge(String userId) {
    return forgotten
        .forget(userId)
        .then(backfill.forget(userId))
        .flatMap(
            jobs ->
                stopWatches(userId)
                    .then(keys.delete(userId))
                    .flatMap(n -> tokens.release(userId).thenReturn(new Purged(jobs, n))))
        .doOnNext(purged -> done(userId, purged))
        .then();
  }

  /**
   * Every feature's watches, each tried even when another failed (a failure then fails the purge),
   * with the purge's tokens: the user service serves a deleted user's grant to nothing else.
   */
  private Mono<Void> stopWatches(String userId) {
    return PurgeTokens.during(
        Flux.fromIterable(watches).concatMapDelayError(w -> w.stopAll(userId)).then());
  }

  private void done(String userId, Purged purged) {
    LOG.atInfo()
        .setMessage("user purged; grant released")
        .addKeyValue("userId", userId)
        .addKeyValue("jobs", purged.jobs())
        .addKeyValue("redisKeys", purged.redisKeys())
        .addKeyValue("watchFeatures", watches.size())
        .log();
    lifecycle.publishEvent(new UserForgotten(userId));
  }
}
