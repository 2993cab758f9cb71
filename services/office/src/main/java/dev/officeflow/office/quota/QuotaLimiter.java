package dev.officeflow.office.quota;

import dev.officeflow.office.adapter.ProviderFailure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Paces provider calls on two token buckets per API, both in Redis so every office instance draws
 * from the same budgets: the user's ({@code <prefix><api>:<user>}) and the project's ({@code
 * <prefix>project:<api>}), which every user of every instance shares. {@link #paced} reserves a
 * call's cost atomically in both (one Lua script, {@link BucketScript}, on Redis' own clock), waits
 * until both reservations are due, makes the call and then releases them: callers queue in
 * reservation order and never poll, and neither bucket is spent faster than Google refills it.
 * Thread-safe.
 *
 * <p><b>The order of the two reservations.</b> The user's bucket is reserved first; only when that
 * reservation is due does the call join the project's queue (in the same round trip when it is due
 * at once, the usual case under a contended project budget; in a second one after the wait
 * otherwise). A user whose own bucket holds a long queue therefore has only its due calls in the
 * project's queue, and a newly connected user's first call waits behind those alone, not behind the
 * other user's whole queue. The user's reservation stays held until the project's is due, so the
 * user's bucket is never overdrawn either.
 *
 * <p><b>Fairness.</b> The project's bucket serves reservations in the order they were made, and a
 * backfill job has one paced call at a time: {@code backfill.JobRun} runs a job's steps one after
 * the other ({@code expand}: the next step starts when the previous one has published and
 * checkpointed), and each step of a source makes one paced call (a Gmail {@code messages.list}
 * page, one batch of {@code messages.get}, a Calendar or People page; retries are paced again, in
 * turn). So each active job has at most one reservation in the project's queue, and a job that has
 * just been served re-enters at the back: under a contended project budget the queue is a
 * round-robin over the active jobs, each getting an equal share of calls (of units, in proportion
 * to its call size, which is the same batch size for every mail phase). A new job waits for at most
 * one call of each other active job, and a small mailbox finishes after its few calls. Streaming
 * reads (history, calendar and contacts listings) take their turn in the same queue. A job that is
 * not running at the moment (beyond an instance's {@code max-concurrent-jobs}, or queued between
 * runs) holds no reservation; which jobs run is the backfill scheduler's choice.
 *
 * <p>Round-robin alone shares the rate equally from now on, but not what came before: the users who
 * connected first take the project's whole burst in their first seconds, and, while later users
 * queue behind them, finish several times faster. So while the project's bucket is contended, a
 * user more than {@link QuotaSettings#fairnessLead()} ahead of the least-served active user waits
 * outside the queue until the others catch up (least served first, {@link BucketScript}): every
 * user's recent slice comes before anyone's deeper reading, and users who connected at about the
 * same time finish at about the same time.
 *
 * <p><b>In flight.</b> While a call is in flight its cost is also held out of each bucket's
 * capacity. Google charges a call when it arrives, which may be well after it was reserved (a slow
 * network, a stalled process); without this, our bucket would refill to full in the meantime while
 * Google's, full already, could not, and the next calls would overdraw Google's. A reservation
 * never released (a caller that died) stops counting {@link QuotaSettings#heldAtMost()} after it
 * was due.
 *
 * <p><b>Refusals.</b> A paced call that fails as {@link ProviderFailure.Kind#RATE_LIMITED} is
 * counted by {@link QuotaRefusals} with the budget the provider named; callers that settle a
 * batch's parts themselves report each refused part through {@link #refused}.
 */
public final class QuotaLimiter implements AutoCloseable {

  /** One paced call's claim on both buckets; {@code id} names it in the reservation sets. */
  record Reservation(String userId, QuotaBudget api, int cost, String id) {

    static Reservation of(String userId, QuotaBudget api, int cost) {
      return new Reservation(userId, api, cost, UUID.randomUUID().toString());
    }
  }

  /** The script's answers: both buckets reserved; held back by the least-served rule. */
  private static final long RESERVED = 1;

  private static final long HELD_BACK = 2;

  private final StatefulRedisConnection<String, String> connection;
  private final RedisReactiveCommands<String, String> redis;
  private final QuotaSettings settings;
  private final QuotaRefusals refusals;
  private final String sha;

  /** Opens a connection of the process's Redis client; closing the limiter closes only that. */
  public QuotaLimiter(RedisClient redis, QuotaSettings settings, QuotaRefusals refusals) {
    this.connection = redis.connect();
    this.redis = connection.reactive();
    this.settings = settings;
    this.refusals = refusals;
    this.sha = sha1(BucketScript.SOURCE);
  }

  /**
   * Makes {@code call} once {@code cost} of the user's and the project's {@code api} budgets is
   * reserved for it, and releases both when the call has been answered (or failed, or was
   * cancelled).
   */
  public <T> Mono<T> paced(String userId, QuotaBudget api, int cost, Mono<T> call) {
    return Mono.defer(
        () -> {
          Reservation r = Reservation.of(userId, api, cost);
          return Mono.usingWhen(
              acquire(r),
              waited -> call.doOnError(ProviderFailure.class, f -> refused(api, f)),
              waited -> release(r),
              (waited, error) -> release(r),
              waited -> release(r));
        });
  }

  /** Counts {@code failure} if it is the provider refusing a call for quota. */
  public void refused(QuotaBudget api, ProviderFailure failure) {
    refusals.count(api, failure);
  }

  /** Reserves the cost; completes, with the time waited, when the call may be made. */
  Mono<Duration> acquire(Reservation r) {
    return script(r, "acquire")
        .flatMap(
            answer -> {
              Duration first = micros(answer.get(0));
              if (status(answer) == RESERVED) {
                return delay(first);
              }
              return delay(first).then(project(r)).map(first::plus);
            });
  }

  /**
   * The project's reservation, once the user's is due; asked again while the least-served rule
   * holds the user back ({@link BucketScript}).
   */
  private Mono<Duration> project(Reservation r) {
    return script(r, "project")
        .flatMap(
            answer -> {
              Duration wait = micros(answer.get(0));
              if (status(answer) == HELD_BACK) {
                return delay(wait).then(Mono.defer(() -> project(r))).map(wait::plus);
              }
              return delay(wait);
            });
  }

  /** The call reserved as {@code r} has been answered: Google has charged it. */
  Mono<Void> release(Reservation r) {
    return script(r, "release").onErrorResume(e -> Mono.empty()).then();
  }

  private static long status(List<Object> answer) {
    return (Long) answer.get(1);
  }

  private static Duration micros(Object wait) {
    return Duration.ofNanos((Long) wait * 1000);
  }

  private static Mono<Duration> delay(Duration wait) {
    return wait.isZero() || wait.isNegative()
        ? Mono.just(Duration.ZERO)
        : Mono.delay(wait).thenReturn(wait);
  }

  private Mono<List<Object>> script(Reservation r, String mode) {
    QuotaBudget api = r.api();
    String[] keys = {
      settings.keyPrefix() + api.name() + ":" + r.userId(),
      settings.keyPrefix() + "inflight:" + api.name() + ":" + r.userId(),
      settings.keyPrefix() + "project:" + api.name(),
      settings.keyPrefix() + "inflight:project:" + api.name(),
      settings.keyPrefix() + "served:project:" + api.name(),
      settings.keyPrefix() + "active:project:" + api.name()
    };
    String[] args = {
      mode,
      r.id(),
      Integer.toString(r.cost()),
      Double.toString(settings.heldAtMost().toMillis() / 1000.0),
      Double.toString(settings.ratePerSecond(api)),
      Double.toString(settings.capacity(api)),
      Double.toString(settings.projectRatePerSecond(api)),
      Double.toString(settings.projectCapacity(api)),
      r.userId(),
      Double.toString(QuotaSettings.seconds(settings.fairnessQueue())),
      Double.toString(settings.fairnessLeadUnits(api)),
      Double.toString(QuotaSettings.seconds(settings.fairnessIdle()))
    };
    return redis
        .<List<Object>>evalsha(sha, ScriptOutputType.MULTI, keys, args)
        .next()
        .onErrorResume(
            RedisNoScriptException.class,
            e ->
                redis
                    .<List<Object>>eval(BucketScript.SOURCE, ScriptOutputType.MULTI, keys, args)
                    .next());
  }

  /** The largest cost one call may have: more than either bucket holds could never be granted. */
  public int maxCost(QuotaBudget api) {
    return (int) Math.floor(Math.min(settings.capacity(api), settings.projectCapacity(api)));
  }

  public QuotaSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    connection.close();
  }

  private static String sha1(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
