package dev.officeflow.googlesim;

import dev.officeflow.googlesim.admin.StatsRecorder;
import dev.officeflow.googlesim.faults.FaultInjector;
import dev.officeflow.googlesim.oauth.OAuthTokens;
import dev.officeflow.googlesim.quota.QuotaDecision;
import dev.officeflow.googlesim.quota.Quotas;
import dev.officeflow.googlesim.web.ApiGuard;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.Caller;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The guard in front of every Gmail, Calendar and People call, in this order: count the call,
 * authenticate the bearer token (401), charge the user's and the project's quota (429/403, {@link
 * QuotaRefusals}), inject a fault (500/503), run the method, add latency.
 */
final class RequestPipeline implements ApiGuard {

  private final OAuthTokens tokens;
  private final Quotas quotas;
  private final FaultInjector faults;
  private final StatsRecorder stats;
  private final Clock clock;

  RequestPipeline(
      OAuthTokens tokens, Quotas quotas, FaultInjector faults, StatsRecorder stats, Clock clock) {
    this.tokens = tokens;
    this.quotas = quotas;
    this.faults = faults;
    this.stats = stats;
    this.clock = clock;
  }

  @Override
  public SimResponse call(
      SimRequest request,
      ApiKind api,
      String method,
      int cost,
      Function<Caller, SimResponse> action) {
    stats.request(method);
    Optional<Caller> caller = request.bearerToken().flatMap(tokens::authenticate);
    if (caller.isEmpty()) {
      return GoogleErrors.unauthorized(api);
    }
    String user = caller.get().email();
    QuotaDecision decision = quotas.charge(user, api, cost);
    if (!decision.allowed()) {
      stats.quotaError(user, api, Objects.requireNonNull(decision.refusedBy()));
      return QuotaRefusals.answer(api, decision, quotas.settings(), clock.instant());
    }
    stats.charged(user, api, cost);
    OptionalInt failure = faults.nextFailure(method);
    SimResponse response;
    if (failure.isPresent()) {
      stats.fault();
      response = GoogleErrors.backend(api, failure.getAsInt());
    } else {
      response = action.apply(caller.get());
    }
    return response.withDelay(faults.latency());
  }
}
