package dev.officeflow.googlesim.quota;

import dev.officeflow.googlesim.web.ApiKind;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user, per-API token buckets, shared by every caller of that user (as Google's per-user quotas
 * are shared across all of a project's clients). Thread-safe.
 */
public final class Quotas {

  private record Key(String user, ApiKind api) {}

  private final Map<Key, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile QuotaSettings settings;

  public Quotas(QuotaSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Charges {@code cost} to the user's bucket of {@code api}. */
  public QuotaDecision charge(String user, ApiKind api, int cost) {
    QuotaSettings current = settings;
    if (!current.enabled() || cost == 0) {
      return QuotaDecision.ALLOWED;
    }
    TokenBucket bucket =
        buckets.computeIfAbsent(
            new Key(user.toLowerCase(Locale.ROOT), api), k -> newBucket(current, api));
    return bucket.tryTake(cost)
        ? QuotaDecision.ALLOWED
        : QuotaDecision.refused(bucket.waitFor(cost));
  }

  private TokenBucket newBucket(QuotaSettings current, ApiKind api) {
    double rate =
        switch (api) {
          case GMAIL -> current.gmailRate();
          case CALENDAR -> current.calendarRate();
          case PEOPLE -> current.peopleRate();
        };
    return new TokenBucket(rate, current.capacity(rate), clock);
  }

  public QuotaSettings settings() {
    return settings;
  }

  /** New settings start every bucket full again. */
  public void configure(QuotaSettings newSettings) {
    settings = newSettings;
    buckets.clear();
  }

  public void reset() {
    buckets.clear();
  }
}
