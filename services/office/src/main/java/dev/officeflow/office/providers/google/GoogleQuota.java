package dev.officeflow.office.providers.google;

import dev.officeflow.office.quota.QuotaBudget;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google's quota model: the per-user budgets the office paces its calls on ({@code
 * officeflow.office.quota.*}, beside the provider-neutral {@code QuotaSettings}).
 *
 * @param gmailUnitsPerMinute Gmail units per user per minute; default 6,000 (new projects; older
 *     projects have 15,000); each method has its own cost ({@code GmailCosts})
 * @param calendarRequestsPerMinute Calendar requests per user per minute; default 600
 * @param peopleRequestsPerMinute People API read requests per user per minute; default 90
 */
@ConfigurationProperties("officeflow.office.quota")
public record GoogleQuota(
    @DefaultValue("6000") int gmailUnitsPerMinute,
    @DefaultValue("600") int calendarRequestsPerMinute,
    @DefaultValue("90") int peopleRequestsPerMinute) {

  public GoogleQuota {
    if (gmailUnitsPerMinute <= 0
        || calendarRequestsPerMinute <= 0
        || peopleRequestsPerMinute <= 0) {
      throw new IllegalArgumentException("quota limits must be positive");
    }
  }

  public QuotaBudget gmail() {
    return new QuotaBudget("gmail", gmailUnitsPerMinute);
  }

  public QuotaBudget calendar() {
    return new QuotaBudget("calendar", calendarRequestsPerMinute);
  }

  public QuotaBudget people() {
    return new QuotaBudget("people", peopleRequestsPerMinute);
  }
}
