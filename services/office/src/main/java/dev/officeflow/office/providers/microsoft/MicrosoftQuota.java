package dev.officeflow.office.providers.microsoft;

import dev.officeflow.office.quota.QuotaBudget;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft's quota model for the office's reads, beside Google's ({@code
 * officeflow.office.quota.*}). Graph limits Outlook resources (mail, calendar, contacts) per app
 * and mailbox: 10,000 requests per 10 minutes, i.e. 1,000 a minute, and 4 concurrent requests (a
 * backfill makes one call at a time, but streaming's rounds, subscription work and other instances
 * add theirs: {@code MicrosoftClient} holds them to {@code
 * officeflow.office.microsoft.concurrent-requests} through the shared {@code ConcurrencyLimiter}).
 * Graph documents no Outlook limit per app across mailboxes; its global limit (130,000 requests per
 * 10 s per app, all tenants together) is the default of the project's budget, a setting so an
 * operator can lower it.
 *
 * @param outlookRequestsPerMinute Outlook requests per mailbox per minute; default 1,000
 * @param outlookProjectRequestsPerMinute Graph requests per minute for the whole app, every mailbox
 *     together; default 780,000 (Graph's global 130,000 per 10 s)
 */
@ConfigurationProperties("officeflow.office.quota")
public record MicrosoftQuota(
    @DefaultValue("1000") int outlookRequestsPerMinute,
    @DefaultValue("780000") int outlookProjectRequestsPerMinute) {

  /** The budget's name, part of its Redis keys. */
  static final String OUTLOOK = "outlook";

  public MicrosoftQuota {
    if (outlookRequestsPerMinute <= 0 || outlookProjectRequestsPerMinute <= 0) {
      throw new IllegalArgumentException(
          "outlook quota limits (officeflow.office.quota.outlook-*) must be positive: "
              + outlookRequestsPerMinute
              + ", "
              + outlookProjectRequestsPerMinute);
    }
  }

  /** Every Graph call the office makes is one Outlook request of the mailbox it reads. */
  public QuotaBudget outlook() {
    return new QuotaBudget(OUTLOOK, outlookRequestsPerMinute, outlookProjectRequestsPerMinute);
  }
}
