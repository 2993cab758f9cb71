package dev.officeflow.office.providers.google;

import dev.officeflow.office.quota.QuotaBudget;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google's quota model: the per-user and per-project budgets the office paces its calls on ({@code
 * officeflow.office.quota.*}, beside the provider-neutral {@code QuotaSettings}). Every limit must
 * be positive: a project limit of 0 would pace nothing, so it refuses to start instead.
 *
 * @param gmailUnitsPerMinute Gmail units per user per minute; default 6,000 (new projects; older
 *     projects have 15,000); each method has its own cost ({@code GmailCosts})
 * @param calendarRequestsPerMinute Calendar requests per user per minute; default 600
 * @param peopleRequestsPerMinute People API read requests per user per minute; default 90
 * @param gmailProjectUnitsPerMinute Gmail units per minute for the whole project, every user
 *     together; default 1,200,000 (Google's documented per-project limit)
 * @param calendarProjectRequestsPerMinute Calendar requests per minute for the whole project;
 *     default 10,000 (Calendar's documented per-project limit)
 * @param peopleProjectRequestsPerMinute People API read requests per minute for the whole project;
 *     default 600: Google documents none for People (the Cloud console shows the project's), so
 *     this is google-sim's assumption; set what the console shows
 */
@ConfigurationProperties("officeflow.office.quota")
public record GoogleQuota(
    @DefaultValue("6000") int gmailUnitsPerMinute,
    @DefaultValue("600") int calendarRequestsPerMinute,
    @DefaultValue("90") int peopleRequestsPerMinute,
    @DefaultValue("1200000") int gmailProjectUnitsPerMinute,
    @DefaultValue("10000") int calendarProjectRequestsPerMinute,
    @DefaultValue("600") int peopleProjectRequestsPerMinute) {

  public GoogleQuota {
    if (gmailUnitsPerMinute <= 0
        || calendarRequestsPerMinute <= 0
        || peopleRequestsPerMinute <= 0) {
      throw new IllegalArgumentException("per-user quota limits must be positive");
    }
    if (gmailProjectUnitsPerMinute <= 0
        || calendarProjectRequestsPerMinute <= 0
        || peopleProjectRequestsPerMinute <= 0) {
      throw new IllegalArgumentException(
          "per-project quota limits (officeflow.office.quota.*-project-*-per-minute) must be"
              + " positive: gmail "
              + gmailProjectUnitsPerMinute
              + ", calendar "
              + calendarProjectRequestsPerMinute
              + ", people "
              + peopleProjectRequestsPerMinute);
    }
  }

  public QuotaBudget gmail() {
    return new QuotaBudget("gmail", gmailUnitsPerMinute, gmailProjectUnitsPerMinute);
  }

  public QuotaBudget calendar() {
    return new QuotaBudget("calendar", calendarRequestsPerMinute, calendarProjectRequestsPerMinute);
  }

  public QuotaBudget people() {
    return new QuotaBudget("people", peopleRequestsPerMinute, peopleProjectRequestsPerMinute);
  }
}
