package dev.officeflow.graphsim.web;

import dev.officeflow.graphsim.faults.FaultAnswers;
import dev.officeflow.graphsim.faults.FaultInjector;
import dev.officeflow.graphsim.identity.AccessCaller;
import dev.officeflow.graphsim.identity.AccessTokens;
import dev.officeflow.graphsim.identity.Scopes;
import dev.officeflow.graphsim.throttle.Admission;
import dev.officeflow.graphsim.throttle.MailboxThrottle;
import dev.officeflow.graphsim.throttle.ThrottleReason;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The guard in front of every Graph call. Handlers wrap their work in {@link #call}:
 *
 * <pre>{@code
 * return guard.call(request, Scopes.MAIL_READ, call -> SimResponse.ok(listing(call.accountId())));
 * }</pre>
 *
 * In this order: count the call; authenticate the bearer token (401 {@code
 * InvalidAuthenticationToken}); check the scope (403 {@code ErrorAccessDenied}); throttle per app
 * and mailbox (429 {@code ApplicationThrottled} with {@code Retry-After}); inject a fault (5xx or a
 * 429 storm, {@code Retry-After} on 429 and 503); run the action; add the injected latency. A
 * {@link GraphException} out of the action becomes Graph's error body. Every answer carries {@code
 * request-id} and {@code client-request-id}. The call's concurrency slot is held until its answer
 * is due (latency included), so the concurrency limit binds as it does against real latency.
 * Thread-safe; close it with the simulator.
 */
public final class GraphGuard implements AutoCloseable {

  private final AccessTokens tokens;
  private final MailboxThrottle throttle;
  private final FaultInjector faults;
  private final GraphErrors errors;
  private final CallStats stats;
  private final String authorizationUri;
  private final ScheduledExecutorService releases =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "graph-sim-throttle-release");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param authorizationUri named in the 401's {@code WWW-Authenticate}, as Graph names its
   *     authorize endpoint there
   */
  public GraphGuard(
      AccessTokens tokens,
      MailboxThrottle throttle,
      FaultInjector faults,
      GraphErrors errors,
      CallStats stats,
      String authorizationUri) {
    this.tokens = tokens;
    this.throttle = throttle;
    this.faults = faults;
    this.errors = errors;
    this.stats = stats;
    this.authorizationUri = authorizationUri;
  }

  /**
   * Runs {@code action} for the caller if the token is live, grants {@code requiredScope} (or its
   * {@code ReadWrite} sibling; blank means any valid token), and throttling and faults let it
   * through; otherwise answers Graph's error.
   */
  public SimResponse call(
      SimRequest r, String requiredScope, Function<GraphCall, SimResponse> action) {
    stats.request();
    String requestId = GraphErrors.newRequestId();
    SimResponse response = guarded(r, requestId, requiredScope, action);
    stats.answered(response.status());
    return GraphErrors.withRequestIds(response, r, requestId);
  }

  /**
   * Authenticates only: for an envelope such as {@code $batch}, whose parts each go through {@link
   * #call} themselves. No scope, throttling or faults; not counted.
   */
  public SimResponse authenticated(SimRequest r, Function<GraphCall, SimResponse> action) {
    String requestId = GraphErrors.newRequestId();
    SimResponse response =
        authenticate(r, requestId)
            .map(call -> run(r, requestId, call, action))
            .orElseGet(() -> unauthorized(r, requestId));
    return GraphErrors.withRequestIds(response, r, requestId);
  }

  public GraphErrors errors() {
    return errors;
  }

  public CallStats stats() {
    return stats;
  }

  private SimResponse guarded(
      SimRequest r,
      String requestId,
      String requiredScope,
      Function<GraphCall, SimResponse> action) {
    Optional<GraphCall> caller = authenticate(r, requestId);
    if (caller.isEmpty()) {
      return unauthorized(r, requestId).withDelay(faults.latency());
    }
    GraphCall call = caller.get();
    stats.account(call.accountId());
    if (!requiredScope.isBlank() && !Scopes.satisfies(call.scopes(), requiredScope)) {
      return errors
          .error(
              r,
              requestId,
              403,
              "ErrorAccessDenied",
              "Access is denied. Check credentials and try again.")
          .withDelay(faults.latency());
    }
    Admission admission = throttle.admit(call.clientId(), call.accountId());
    if (!admission.isAdmitted()) {
      return throttled(r, requestId, admission).withDelay(faults.latency());
    }
    return admitted(r, requestId, call, action, Objects.requireNonNull(admission.permit()));
  }

  private SimResponse throttled(SimRequest r, String requestId, Admission refused) {
    ThrottleReason reason = Objects.requireNonNull(refused.refusal());
    stats.throttled(reason);
    return errors
        .error(r, requestId, 429, "ApplicationThrottled", reason.message())
        .withHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
  }

  /** Runs the call; its slot is released when its (possibly delayed) answer is due. */
  private SimResponse admitted(
      SimRequest r,
      String requestId,
      GraphCall call,
      Function<GraphCall, SimResponse> action,
      Admission.Permit permit) {
    SimResponse response;
    try {
      response = faultOr(r, requestId, call, action).withDelay(faults.latency());
    } catch (RuntimeException e) {
      permit.release();
      throw e;
    }
    releaseWhenDue(permit, response.delay());
    return response;
  }

  private SimResponse faultOr(
      SimRequest r, String requestId, GraphCall call, Function<GraphCall, SimResponse> action) {
    OptionalInt failure = faults.nextFailure();
    if (failure.isEmpty()) {
      return run(r, requestId, call, action);
    }
    stats.fault();
    FaultAnswers fault = FaultAnswers.of(failure.getAsInt());
    SimResponse answer = errors.error(r, requestId, fault.status(), fault.code(), fault.message());
    return fault.retryAfter()
        ? answer.withHeader("Retry-After", Long.toString(faults.retryAfter().toSeconds()))
        : answer;
  }

  private SimResponse run(
      SimRequest r, String requestId, GraphCall call, Function<GraphCall, SimResponse> action) {
    try {
      return action.apply(call);
    } catch (GraphException e) {
      return errors.render(r, requestId, e);
    }
  }

  private Optional<GraphCall> authenticate(SimRequest r, String requestId) {
    Optional<String> bearer = r.bearerToken().filter(t -> !t.isBlank());
    Optional<AccessCaller> caller = bearer.flatMap(tokens::resolve);
    return caller.map(
        c ->
            new GraphCall(
                c.accountId(),
                tokens.clientOf(bearer.get()).orElse(AccessTokens.DEFAULT_CLIENT),
                c.scopes(),
                requestId,
                r));
  }

  /** Graph's 401s: no token, an expired one, or one it cannot read. */
  private SimResponse unauthorized(SimRequest r, String requestId) {
    Optional<String> bearer = r.bearerToken().filter(t -> !t.isBlank());
    String message =
        bearer.isEmpty()
            ? "Access token is empty."
            : switch (tokens.state(bearer.get())) {
              case EXPIRED -> "Lifetime validation failed, the token is expired.";
              case LIVE, UNKNOWN -> "Access token validation failure.";
            };
    return errors
        .error(r, requestId, 401, "InvalidAuthenticationToken", message)
        .withHeader(
            "WWW-Authenticate",
            "Bearer realm=\"\", authorization_uri=\""
                + authorizationUri
                + "\", client_id=\"00000003-0000-0000-c000-000000000000\"");
  }

  private void releaseWhenDue(Admission.Permit permit, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      permit.release();
    } else {
      releases.schedule(permit::release, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void close() {
    releases.shutdownNow();
  }
}
