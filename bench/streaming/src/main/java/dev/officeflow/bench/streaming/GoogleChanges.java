package dev.officeflow.bench.streaming;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.admin.NewMessage;
import dev.officeflow.googlesim.push.PubsubTarget;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.backfill.BackfillRequest;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gmail through google-sim with Google's default per-user quota: google-sim publishes real push
 * notifications to the emulator, and the office reads {@code history.list}. An update stars a
 * message.
 */
final class GoogleChanges implements ChangeSource {

  private final GoogleSim sim;
  private final List<String> users;

  private GoogleChanges(GoogleSim sim, List<String> users) {
    this.sim = sim;
    this.users = users;
  }

  static GoogleChanges start(int count, String emulator, String project) {
    List<String> users = new ArrayList<>();
    GoogleSimConfig config =
        GoogleSimConfig.defaults()
            .withPort(0)
            .withThreads(32)
            .withQuota(QuotaSettings.defaults())
            .withPubsub(new PubsubTarget(emulator, project));
    for (int i = 0; i < count; i++) {
      users.add("stream-" + i + "@acme.test");
      config =
          config.withAccount(
              AccountSpec.of(users.get(i)).withMailbox(new MailboxSpec(200 + i, 30, 0, 5, 0)));
    }
    return new GoogleChanges(GoogleSim.start(config), users);
  }

  @Override
  public String provider() {
    return "google";
  }

  @Override
  public List<String> users() {
    return users;
  }

  @Override
  public List<String> officeArgs(int officePort) {
    // google-sim posts Calendar notifications to the webhook address, which must name the port
    // the office really listens on.
    return List.of(
        "--officeflow.office.streaming.calendar.webhook-base-url=http://127.0.0.1:" + officePort,
        "--officeflow.office.google.root-url=" + sim.baseUrl(),
        "--officeflow.office.tokens.sim-url=" + sim.baseUrl(),
        "--officeflow.office.tokens.token-url=" + sim.baseUrl() + "token");
  }

  /** Backfills each user (streaming starts after it) and waits until every mailbox is watched. */
  @Override
  public void startStreaming(BackfillService service) throws InterruptedException {
    long watchesBefore = sim.stats().requests("gmail.users.watch");
    users.forEach(u -> service.start(BackfillRequest.defaults(u, "google")).block());
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (sim.stats().requests("gmail.users.watch") - watchesBefore < users.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the mailboxes were not watched within 3 minutes");
      }
      Thread.sleep(100);
    }
  }

  @Override
  public String addMessage(String user, String subject) {
    return sim.admin()
        .addMessage(user, NewMessage.from("Rita Reyes", "rita@partner.test", subject, "text"))
        .id();
  }

  @Override
  public void update(String user, String messageId) {
    sim.admin().modifyLabels(user, messageId, List.of("STARRED"), List.of());
  }

  @Override
  public List<String> contactItemIds(String messageId) {
    return List.of(messageId);
  }

  @Override
  public String stats() {
    return String.format(
        Locale.ROOT,
        "google-sim: %d notifications, %d history.list calls, %d quota errors",
        sim.stats().gmailNotifications(),
        sim.stats().requests("gmail.users.history.list"),
        sim.stats().totalQuotaErrors());
  }

  @Override
  public void close() {
    sim.close();
  }
}
