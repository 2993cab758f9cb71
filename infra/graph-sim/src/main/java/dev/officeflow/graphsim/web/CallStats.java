package dev.officeflow.graphsim.web;

import dev.officeflow.graphsim.throttle.ThrottleReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counters of the Graph calls the guard saw. Thread-safe. */
public final class CallStats {

  /**
   * A copy of the counters.
   *
   * @param byStatus final status of every guarded call (200, 401, 429, ...)
   * @param byAccount calls per account id (those with a valid token)
   * @param throttled refusals per limit ({@code MailboxConcurrency}, {@code MailboxRequests})
   * @param faultsInjected injected failures (not counted as throttled, even a 429)
   */
  public record Snapshot(
      long requests,
      Map<Integer, Long> byStatus,
      Map<String, Long> byAccount,
      Map<String, Long> throttled,
      long faultsInjected) {

    public long totalThrottled() {
      return throttled.values().stream().mapToLong(Long::longValue).sum();
    }

    public long status(int status) {
      return byStatus.getOrDefault(status, 0L);
    }
  }

  private final LongAdder requests = new LongAdder();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byAccount = new ConcurrentHashMap<>();
  private final Map<ThrottleReason, LongAdder> throttled = counters();
  private final LongAdder faults = new LongAdder();

  private static Map<ThrottleReason, LongAdder> counters() {
    Map<ThrottleReason, LongAdder> out = new EnumMap<>(ThrottleReason.class);
    for (ThrottleReason reason : ThrottleReason.values()) {
      out.put(reason, new LongAdder());
    }
    return out;
  }

  void request() {
    requests.increment();
  }

  void account(String accountId) {
    byAccount.computeIfAbsent(accountId, k -> new LongAdder()).increment();
  }

  void answered(int status) {
    byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
  }

  void throttled(ThrottleReason reason) {
    throttled.get(reason).increment();
  }

  void fault() {
    faults.increment();
  }

  public Snapshot snapshot() {
    Map<Integer, Long> statuses = new TreeMap<>();
    byStatus.forEach((k, v) -> statuses.put(k, v.sum()));
    Map<String, Long> accounts = new TreeMap<>();
    byAccount.forEach((k, v) -> accounts.put(k, v.sum()));
    Map<String, Long> refusals = new TreeMap<>();
    throttled.forEach((k, v) -> refusals.put(k.limit(), v.sum()));
    return new Snapshot(requests.sum(), statuses, accounts, refusals, faults.sum());
  }

  public void reset() {
    requests.reset();
    byStatus.clear();
    byAccount.clear();
    throttled.values().forEach(LongAdder::reset);
    faults.reset();
  }
}
