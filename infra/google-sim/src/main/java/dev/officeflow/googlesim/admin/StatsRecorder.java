package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.quota.QuotaBudget;
import dev.officeflow.googlesim.web.ApiKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counters behind {@link SimStats}. */
public final class StatsRecorder {

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> quotaErrors = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> gmailUnits = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> calendarRequests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> peopleRequests = new ConcurrentHashMap<>();
  private final LongAdder gmailNotifications = new LongAdder();
  private final LongAdder calendarNotifications = new LongAdder();
  private final LongAdder notificationFailures = new LongAdder();
  private final LongAdder faults = new LongAdder();
  private final Map<ApiKind, Map<QuotaBudget, LongAdder>> refusals = refusalCounters();

  /** Every (API, budget) pair from the start, so the map never changes shape under readers. */
  private static Map<ApiKind, Map<QuotaBudget, LongAdder>> refusalCounters() {
    Map<ApiKind, Map<QuotaBudget, LongAdder>> out = new EnumMap<>(ApiKind.class);
    for (ApiKind api : ApiKind.values()) {
      Map<QuotaBudget, LongAdder> byBudget = new EnumMap<>(QuotaBudget.class);
      for (QuotaBudget budget : QuotaBudget.values()) {
        byBudget.put(budget, new LongAdder());
      }
      out.put(api, byBudget);
    }
    return out;
  }

  public void request(String method) {
    add(requests, method, 1);
  }

  /** A call of {@code user} to {@code api} refused by {@code budget}. */
  public void quotaError(String user, ApiKind api, QuotaBudget budget) {
    add(quotaErrors, user.toLowerCase(Locale.ROOT), 1);
    refusals.get(api).get(budget).increment();
  }

  public void charged(String user, ApiKind api, int cost) {
    Map<String, LongAdder> counter =
        switch (api) {
          case GMAIL -> gmailUnits;
          case CALENDAR -> calendarRequests;
          case PEOPLE -> peopleRequests;
        };
    add(counter, user.toLowerCase(Locale.ROOT), cost);
  }

  public void gmailNotification() {
    gmailNotifications.increment();
  }

  public void calendarNotification() {
    calendarNotifications.increment();
  }

  public void notificationFailure() {
    notificationFailures.increment();
  }

  public void fault() {
    faults.increment();
  }

  private static void add(Map<String, LongAdder> map, String key, long n) {
    map.computeIfAbsent(key, k -> new LongAdder()).add(n);
  }

  public SimStats snapshot() {
    return new SimStats(
        copy(requests),
        copy(quotaErrors),
        copy(gmailUnits),
        copy(calendarRequests),
        copy(peopleRequests),
        gmailNotifications.sum(),
        calendarNotifications.sum(),
        notificationFailures.sum(),
        faults.sum(),
        refusalsByApi(),
        refusalsByBudget());
  }

  private Map<String, Map<String, Long>> refusalsByApi() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    refusals.forEach(
        (api, byBudget) -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          byBudget.forEach((budget, n) -> counts.put(budget.key(), n.sum()));
          out.put(SimStats.key(api), counts);
        });
    return out;
  }

  private Map<String, Long> refusalsByBudget() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (QuotaBudget budget : QuotaBudget.values()) {
      out.put(budget.key(), refusals.values().stream().mapToLong(m -> m.get(budget).sum()).sum());
    }
    return out;
  }

  private static Map<String, Long> copy(Map<String, LongAdder> map) {
    Map<String, Long> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void reset() {
    requests.clear();
    quotaErrors.clear();
    gmailUnits.clear();
    calendarRequests.clear();
    peopleRequests.clear();
    gmailNotifications.reset();
    calendarNotifications.reset();
    notificationFailures.reset();
    faults.reset();
    refusals.values().forEach(byBudget -> byBudget.values().forEach(LongAdder::reset));
  }
}
