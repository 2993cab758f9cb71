package dev.officeflow.office.testing;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.push.PubsubTarget;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import dev.officeflow.testsupport.Infrastructure;
import java.util.Set;

/** google-sim setups for the office tests: quotas sped up so functional tests stay quick. */
public final class TestSims {

  /** 100× Google's default per-user quota: still enforced, no longer the bottleneck. */
  public static final int FAST_GMAIL_UNITS_PER_MINUTE = 600_000;

  public static final int FAST_CALENDAR_REQUESTS_PER_MINUTE = 60_000;

  public static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";
  public static final String GMAIL_METADATA = "https://www.googleapis.com/auth/gmail.metadata";
  public static final String CALENDAR_READONLY =
      "https://www.googleapis.com/auth/calendar.readonly";

  private TestSims() {}

  public static QuotaSettings fastQuota() {
    return QuotaSettings.defaults()
        .withGmailUnitsPerMinute(FAST_GMAIL_UNITS_PER_MINUTE)
        .withCalendarRequestsPerMinute(FAST_CALENDAR_REQUESTS_PER_MINUTE);
  }

  /** A simulator on a free port with the fast quota and {@code accounts}. */
  public static GoogleSim start(QuotaSettings quota, AccountSpec... accounts) {
    GoogleSimConfig config = GoogleSimConfig.defaults().withPort(0).withQuota(quota);
    for (AccountSpec account : accounts) {
      config = config.withAccount(account);
    }
    return GoogleSim.start(config);
  }

  /**
   * A simulator like {@link #start}, whose Gmail watches publish real push notifications to the
   * test emulator (the topic each watch names).
   */
  public static GoogleSim startWithPush(QuotaSettings quota, AccountSpec... accounts) {
    GoogleSimConfig config =
        GoogleSimConfig.defaults()
            .withPort(0)
            .withQuota(quota)
            .withPubsub(
                new PubsubTarget(
                    Infrastructure.pubsubEmulatorHost(), Infrastructure.pubsubProjectId()));
    for (AccountSpec account : accounts) {
      config = config.withAccount(account);
    }
    return GoogleSim.start(config);
  }

  /** An account with {@code recent} messages in the window, {@code older} before it, events. */
  public static AccountSpec account(String email, long seed, int recent, int older, int events) {
    return AccountSpec.of(email)
        .withMailbox(new MailboxSpec(seed, recent, older, events, events / 10));
  }

  /** The same account granting mail but no calendar access. */
  public static AccountSpec withoutCalendar(AccountSpec account) {
    return account.withGrantedScopes(Set.of(GMAIL_READONLY, "email"));
  }
}
