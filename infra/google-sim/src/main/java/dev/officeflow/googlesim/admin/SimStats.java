package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.quota.QuotaBudget;
import dev.officeflow.googlesim.web.ApiKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counters since start or the last reset.
 *
 * @param requests calls per method (e.g. {@code gmail.users.messages.get}), refused ones included
 * @param quotaErrors quota refusals per user, whichever budget refused
 * @param gmailUnits Gmail quota units charged per user (refused calls are not charged)
 * @param calendarRequests Calendar requests charged per user
 * @param peopleRequests People API requests charged per user
 * @param gmailNotifications Pub/Sub messages published for Gmail watches
 * @param calendarNotifications channel notifications answered with 2xx
 * @param notificationFailures publishes or webhook posts that failed
 * @param faultsInjected calls failed on purpose
 * @param quotaErrorsByApi quota refusals per API ({@code gmail}, {@code calendar}, {@code people})
 *     and budget ({@code user}, {@code project}); every pair present, zero included
 * @param quotaErrorsByBudget quota refusals per budget over all APIs ({@code user}, {@code
 *     project})
 */
public record SimStats(
    Map<String, Long> requests,
    Map<String, Long> quotaErrors,
    Map<String, Long> gmailUnits,
    Map<String, Long> calendarRequests,
    Map<String, Long> peopleRequests,
    long gmailNotifications,
    long calendarNotifications,
    long notificationFailures,
    long faultsInjected,
    Map<String, Map<String, Long>> quotaErrorsByApi,
    Map<String, Long> quotaErrorsByBudget) {

  public SimStats {
    // Copies that keep their order, so the admin JSON reads gmail, calendar, people; user, project.
    Map<String, Map<String, Long>> byApi = new LinkedHashMap<>();
    quotaErrorsByApi.forEach((api, counts) -> byApi.put(api, ordered(counts)));
    quotaErrorsByApi = Collections.unmodifiableMap(byApi);
    quotaErrorsByBudget = ordered(quotaErrorsByBudget);
    requests = Map.copyOf(requests);
    quotaErrors = Map.copyOf(quotaErrors);
    gmailUnits = Map.copyOf(gmailUnits);
    calendarRequests = Map.copyOf(calendarRequests);
    peopleRequests = Map.copyOf(peopleRequests);
  }

  public long requests(String method) {
    return requests.getOrDefault(method, 0L);
  }

  public long quotaErrors(String user) {
    return quotaErrors.getOrDefault(user, 0L);
  }

  /** Every quota refusal, both budgets. */
  public long totalQuotaErrors() {
    return quotaErrors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Refusals of {@code api}'s calls by {@code budget}. */
  public long quotaErrors(ApiKind api, QuotaBudget budget) {
    return quotaErrorsByApi.getOrDefault(key(api), Map.of()).getOrDefault(budget.key(), 0L);
  }

  /** Refusals by {@code budget}, all APIs together. */
  public long totalQuotaErrors(QuotaBudget budget) {
    return quotaErrorsByBudget.getOrDefault(budget.key(), 0L);
  }

  /** Gmail units charged to the project: every user's together. */
  public long totalGmailUnits() {
    return sum(gmailUnits);
  }

  /** Calendar requests charged to the project: every user's together. */
  public long totalCalendarRequests() {
    return sum(calendarRequests);
  }

  /** People requests charged to the project: every user's together. */
  public long totalPeopleRequests() {
    return sum(peopleRequests);
  }

  /** The admin JSON's name of an API: {@code gmail}, {@code calendar}, {@code people}. */
  static String key(ApiKind api) {
    return api.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Long> ordered(Map<String, Long> counts) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
