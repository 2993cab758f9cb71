package dev.officeflow.googlesim.quota;

import dev.officeflow.googlesim.web.ApiKind;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per user and API, shared by every caller of that user (as Google's per-user quotas
 * are shared across all of a project's clients), and one per API for the whole project, shared by
 * every user (Gmail's and Calendar's documented "per minute per project" limits). A call is charged
 * to both of its buckets or to neither. Thread-safe.
 */
public final class Quotas {

  private record Key(String user, ApiKind api) {}

  /** Settings and the buckets made from them, replaced together so a change is never half seen. */
  private record State(
      QuotaSettings settings, Map<ApiKind, TokenBucket> project, Map<Key, TokenBucket> users) {}

  private final Clock clock;
  private volatile State state;

  public Quotas(QuotaSettings settings, Clock clock) {
    this.clock = clock;
    this.state = fresh(settings);
  }

  /**
   * Charges {@code cost} to the user's bucket of {@code api} and to the project's. When either
   * refuses, neither is charged, so the counters stay honest and a refused call costs nothing.
   */
  public QuotaDecision charge(String user, ApiKind api, int cost) {
    State current = state;
    if (!current.settings().enabled() || cost == 0) {
      return QuotaDecision.ALLOWED;
    }
    TokenBucket project = current.project().get(api);
    TokenBucket own =
        current
            .users()
            .computeIfAbsent(
                new Key(user.toLowerCase(Locale.ROOT), api),
                k -> bucket(current.settings(), api, QuotaBudget.USER));
    // Every charge of this API holds the project bucket's lock, then the user's (always in this
    // order, so no deadlock): nobody takes from either bucket between the check and the take.
    synchronized (project) {
      boolean userFits = own.canTake(cost);
      boolean projectFits = project.canTake(cost);
      if (userFits && projectFits) {
        own.tryTake(cost);
        project.tryTake(cost);
        return QuotaDecision.ALLOWED;
      }
      return refusal(own, project, cost, userFits, projectFits);
    }
  }

  /**
   * Names the budget that refused. When both do, the one that binds longer: retrying after the
   * shorter wait would only be refused again.
   */
  private static QuotaDecision refusal(
      TokenBucket own, TokenBucket project, int cost, boolean userFits, boolean projectFits) {
    Duration userWait = own.waitFor(cost);
    Duration projectWait = project.waitFor(cost);
    boolean projectBinds = userFits || (!projectFits && projectWait.compareTo(userWait) > 0);
    return projectBinds
        ? QuotaDecision.refused(QuotaBudget.PROJECT, projectWait)
        : QuotaDecision.refused(QuotaBudget.USER, userWait);
  }

  private State fresh(QuotaSettings settings) {
    Map<ApiKind, TokenBucket> project = new EnumMap<>(ApiKind.class);
    for (ApiKind api : ApiKind.values()) {
      project.put(api, bucket(settings, api, QuotaBudget.PROJECT));
    }
    return new State(settings, Map.copyOf(project), new ConcurrentHashMap<>());
  }

  private TokenBucket bucket(QuotaSettings settings, ApiKind api, QuotaBudget budget) {
    double rate = settings.rate(api, budget);
    return new TokenBucket(rate, settings.capacity(rate), clock);
  }

  public QuotaSettings settings() {
    return state.settings();
  }

  /** Tokens the project's bucket of {@code api} holds now (user buckets are not exposed). */
  public double projectAvailable(ApiKind api) {
    return state.project().get(api).available();
  }

  /** New settings start every bucket, the project's too, full again. */
  public void configure(QuotaSettings newSettings) {
    state = fresh(newSettings);
  }

  public void reset() {
    state = fresh(state.settings());
  }
}
