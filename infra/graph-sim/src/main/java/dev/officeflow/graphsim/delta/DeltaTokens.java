package dev.officeflow.graphsim.delta;

import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.PageTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues and checks the {@code $skiptoken}s and {@code $deltatoken}s of delta rounds. A token is
 * the round's {@link DeltaState}, encoded; it is refused (400 {@code syncStateInvalid}) when it is
 * not one, or belongs to another account or resource, and is gone (410) when older than the
 * lifetime ({@code syncStateNotFound}), expired by the admin API ({@code syncStateNotFound}), or
 * invalidated by a forced resync ({@code resyncRequired}). Thread-safe.
 */
public final class DeltaTokens {

  /** Graph's default lifetime is not fixed for Outlook; the sim's default is seven days. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(168);

  private static final int FIELDS = 14;

  private record Invalidation(long epoch, String code) {}

  private final Clock clock;
  private volatile Duration lifetime;
  private final Map<String, Invalidation> invalidations = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();

  /** Makes every token issued distinct, as Graph's are, so one can be expired alone. */
  private final AtomicLong serial = new AtomicLong();

  public DeltaTokens(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  public void setLifetime(Duration newLifetime) {
    if (newLifetime.isNegative() || newLifetime.isZero()) {
      throw new IllegalArgumentException("a delta token lifetime must be positive");
    }
    lifetime = newLifetime;
  }

  Instant now() {
    return clock.instant();
  }

  long epoch(String accountId) {
    Invalidation i = invalidations.get(accountId);
    return i == null ? 0 : i.epoch();
  }

  /** Every token of the account issued so far answers 410 {@code syncStateNotFound}. */
  public void expireAll(String accountId) {
    invalidate(accountId, "syncStateNotFound");
  }

  /** Every token of the account issued so far answers 410 {@code resyncRequired}. */
  public void requireResync(String accountId) {
    invalidate(accountId, "resyncRequired");
  }

  /** This one token (a {@code $skiptoken} or {@code $deltatoken} value) answers 410 from now on. */
  public void expire(String token) {
    revoked.add(token);
  }

  private void invalidate(String accountId, String code) {
    invalidations.compute(
        accountId, (k, old) -> new Invalidation(old == null ? 1 : old.epoch() + 1, code));
  }

  String encode(DeltaState s) {
    DeltaParams p = s.params();
    return PageTokens.encode(
        "d1",
        s.accountId(),
        s.resource(),
        Long.toString(s.from()),
        Long.toString(s.to()),
        Long.toString(s.cursorVersion()),
        s.cursorId(),
        Long.toString(s.issued().toEpochMilli()),
        Long.toString(s.epoch()),
        p.filter(),
        p.select(),
        p.windowStart(),
        p.windowEnd(),
        Long.toString(serial.incrementAndGet()));
  }

  /**
   * The state a token stands for, checked against the account and resource it is used with.
   *
   * @param parameter {@code $skiptoken} or {@code $deltatoken}, for the error message
   */
  DeltaState decode(String token, String parameter, String accountId, String resource) {
    DeltaState s = parse(token, parameter);
    if (!s.accountId().equals(accountId) || !s.resource().equals(resource)) {
      throw invalid(parameter);
    }
    Invalidation i = invalidations.get(accountId);
    if (i != null && s.epoch() < i.epoch()) {
      throw gone(i.code());
    }
    if (revoked.contains(token) || s.issued().plus(lifetime).isBefore(clock.instant())) {
      throw gone("syncStateNotFound");
    }
    return s;
  }

  private static DeltaState parse(String token, String parameter) {
    try {
      List<String> f = PageTokens.decode(token, FIELDS, parameter);
      if (!f.get(0).equals("d1")) {
        throw invalid(parameter);
      }
      return new DeltaState(
          f.get(1),
          f.get(2),
          Long.parseLong(f.get(3)),
          Long.parseLong(f.get(4)),
          Long.parseLong(f.get(5)),
          f.get(6),
          Instant.ofEpochMilli(Long.parseLong(f.get(7))),
          Long.parseLong(f.get(8)),
          new DeltaParams(f.get(9), f.get(10), f.get(11), f.get(12)));
    } catch (BadRequestException | NumberFormatException e) {
      throw invalid(parameter);
    }
  }

  private static GraphException invalid(String parameter) {
    return new GraphException(
        400,
        "syncStateInvalid",
        "The " + parameter + " is not valid for this mailbox and resource.");
  }

  private static GraphException gone(String code) {
    String message =
        code.equals("resyncRequired")
            ? "Resync required. Replace any local cached data with a full synchronization."
            : "The sync state is no longer available. Start again with a full synchronization.";
    return new GraphException(410, code, message);
  }
}
