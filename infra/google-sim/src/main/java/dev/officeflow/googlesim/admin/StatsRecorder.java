package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.web.ApiKind;
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

  public void request(String method) {
    add(requests, method, 1);
  }

  public void quotaError(String user) {
    add(quotaErrors, user.toLowerCase(Locale.ROOT), 1);
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
        faults.sum());
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
  }
}
