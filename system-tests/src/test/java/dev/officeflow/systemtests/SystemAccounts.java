package dev.officeflow.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * google-sim and graph-sim accounts for the system tests: small generated mailboxes, so runs stay
 * short.
 */
final class SystemAccounts {

  /** Connected and backfilled to the end: 30 messages and 8 events. */
  static final String ANN = "ann@system.test";

  /** Connected to follow one trace through every service. */
  static final String BEN = "ben@system.test";

  /** Revoked right after connecting; enough mail that the backfill cannot finish first. */
  static final String CY = "cy@system.test";

  /** As {@link #CY}, for the job's side of the revocation. */
  static final String DEE = "dee@system.test";

  /** Backfilled to the end, every event captured and checked against the reference's models. */
  static final String RHEA = "rhea@system.test";

  /** An Outlook mailbox alone (graph-sim): connected and backfilled to the end. */
  static final String OLA = "ola@system.test";

  /**
   * Gmail and Outlook both: the same owner and seed in both simulators, so the same people write to
   * both mailboxes (different messages, different ids).
   */
  static final String UMA = "uma@system.test";

  /**
   * Watched live on the VIP page while connected and backfilled to the end: mail enough for the
   * progress to be seen rising (three pages of Gmail's 100, each a report), and no more, so the
   * test stays short.
   */
  static final String LIV = "liv@system.test";

  /** Watched live on the VIP page while the backfill fails (the grant revoked before it ends). */
  static final String FAY = "fay@system.test";

  /**
   * Backfilled by the office while a reference publisher writes the same items on the legacy topics
   * (issue 25's mixed stream): a small mailbox and a few meetings, so the test stays short.
   */
  static final String LEA = "lea@system.test";

  static final int SMALL_MAILBOX = 30;

  /** {@link #LEA}'s mailbox. */
  static final int MIXED_MAILBOX = 20;

  /** {@link #LIV}'s mailbox. */
  static final int LIVE_MAILBOX = 300;

  /** {@link #RHEA}'s mailbox: a few hundred messages, enough for every shape google-sim makes. */
  static final int REFERENCE_MAILBOX = 300;

  /** {@link #RHEA}'s calendar events, recurring ones among them. */
  static final int REFERENCE_CALENDAR = 24;

  private SystemAccounts() {}

  /** The {@code --accounts} file of google-sim. */
  static Map<String, Object> file() {
    return Map.of(
        "accounts",
        List.of(
            account(ANN, 11, SMALL_MAILBOX, 8),
            account(BEN, 12, SMALL_MAILBOX, 8),
            account(CY, 13, 600, 8),
            account(DEE, 14, 600, 8),
            account(RHEA, 15, REFERENCE_MAILBOX, REFERENCE_CALENDAR),
            account(UMA, 16, SMALL_MAILBOX, 8),
            account(LIV, 18, LIVE_MAILBOX, 12),
            account(FAY, 19, 600, 8),
            account(LEA, 20, MIXED_MAILBOX, 4)));
  }

  /** The {@code --accounts} file of graph-sim. */
  static Map<String, Object> graphFile() {
    Map<String, Object> ola = account(OLA, 17, SMALL_MAILBOX, 8);
    ola.put("contacts", 10);
    Map<String, Object> uma = account(UMA, 16, SMALL_MAILBOX, 8);
    uma.put("contacts", 10);
    return Map.of("accounts", List.of(ola, uma));
  }

  private static Map<String, Object> account(String email, int seed, int messages, int events) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("email", email);
    account.put("seed", seed);
    account.put("recentMessages", messages);
    account.put("olderMessages", 0);
    account.put("events", events);
    account.put("olderEvents", 0);
    return account;
  }
}
