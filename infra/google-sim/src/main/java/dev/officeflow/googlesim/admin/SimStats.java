package dev.officeflow.googlesim.admin;

import java.util.Map;

/**
 * Counters since start or the last reset.
 *
 * @param requests calls per method (e.g. {@code gmail.users.messages.get}), refused ones included
 * @param quotaErrors quota refusals per user
 * @param gmailUnits Gmail quota units charged per user (refused calls are not charged)
 * @param calendarRequests Calendar requests charged per user
 * @param peopleRequests People API requests charged per user
 * @param gmailNotifications Pub/Sub messages published for Gmail watches
 * @param calendarNotifications channel notifications answered with 2xx
 * @param notificationFailures publishes or webhook posts that failed
 * @param faultsInjected calls failed on purpose
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
    long faultsInjected) {

  public SimStats {
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

  public long totalQuotaErrors() {
    return quotaErrors.values().stream().mapToLong(Long::longValue).sum();
  }
}
